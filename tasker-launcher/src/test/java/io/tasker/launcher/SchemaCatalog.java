package io.tasker.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a database's schema is made of, one line per object, for comparing two databases: relations and their
 * columns (types, nullability, defaults, identity, storage options), constraints, indexes, sequences, and functions
 * with their signatures, results, settings and a digest of their definitions.
 */
final class SchemaCatalog {

    private static final List<String> QUERIES = List.of("""
            SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' '
                   || coalesce(array_to_string(c.reloptions, ','), '')
              FROM pg_class c
             WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'm', 'c')""", """
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                   || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
              FROM pg_class c
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
             WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'm', 'c')""", """
            SELECT 'constraint ' || conrelid::regclass || '.' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint
             WHERE connamespace = current_schema()::regnamespace""", """
            SELECT 'index ' || indexname || ' ' || indexdef
              FROM pg_indexes
             WHERE schemaname = current_schema()""", """
            SELECT 'sequence ' || sequencename || ' ' || data_type || ' start ' || start_value || ' by '
                   || increment_by || ' ' || min_value || '..' || max_value || CASE WHEN cycle THEN ' cycle' ELSE '' END
              FROM pg_sequences
             WHERE schemaname = current_schema()""", """
            SELECT 'function ' || p.oid::regprocedure || ' returns ' || pg_get_function_result(p.oid)
                   || ' settings ' || coalesce(array_to_string(p.proconfig, ','), '')
                   || ' definition ' || md5(pg_get_functiondef(p.oid))
              FROM pg_proc p
             WHERE p.pronamespace = current_schema()::regnamespace""");

    private SchemaCatalog() {
    }

    /** Every object of the database's schema, one line each, sorted. */
    static Set<String> of(LauncherSettings.DatabaseAddress db) throws SQLException {
        Set<String> catalog = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement statement = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet row = statement.executeQuery(query)) {
                    while (row.next()) {
                        catalog.add(row.getString(1));
                    }
                }
            }
        }
        return catalog;
    }

    /** The names of the functions in the database's schema. */
    static Set<String> functionNames(LauncherSettings.DatabaseAddress db) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT proname FROM pg_proc WHERE pronamespace = current_schema()::regnamespace")) {
            while (row.next()) {
                names.add(row.getString(1));
            }
        }
        return names;
    }

    /** The lines of {@code catalog} that {@code other} lacks. */
    static List<String> missingFrom(Set<String> other, Set<String> catalog) {
        List<String> missing = new ArrayList<>(catalog);
        missing.removeAll(other);
        return missing;
    }
}
