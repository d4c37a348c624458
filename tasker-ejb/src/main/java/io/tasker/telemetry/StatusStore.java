package io.tasker.telemetry;

/** Counts the system's status in the database ({@code tasker_system_status}). */
public interface StatusStore {

    SystemStatus count();
}
