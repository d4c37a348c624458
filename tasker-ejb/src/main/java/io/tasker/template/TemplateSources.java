package io.tasker.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds template files: every {@code *.yaml} / {@code *.yml} under a classpath folder (in directories, jars and
 * WildFly's virtual file system, at any depth) or under a filesystem directory.
 */
public final class TemplateSources {

    /** The classpath folder that holds templates shipped inside application jars. */
    public static final String CLASSPATH_ROOT = "META-INF/tasker/tasks";

    /** A template's text and where it came from. */
    public record TemplateSource(String location, String yaml) {
    }

    private TemplateSources() {
    }

    /**
     * All templates under {@code root} on the class loader's classpath, in a stable order. A location the class
     * loader hierarchy reports more than once (an EAR's lib folder seen through each module) counts once.
     */
    public static List<TemplateSource> fromClasspath(ClassLoader classLoader, String root) {
        List<TemplateSource> sources = new ArrayList<>();
        try {
            Set<String> seen = new HashSet<>();
            for (URL url : Collections.list(classLoader.getResources(root))) {
                if (seen.add(url.toExternalForm())) {
                    sources.addAll(fromUrl(url, root));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list task templates under classpath:" + root, e);
        }
        sources.sort(Comparator.comparing(TemplateSource::location));
        return sources;
    }

    /** All templates in a directory and its subdirectories, in a stable order. */
    public static List<TemplateSource> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("task template directory " + directory + " does not exist");
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> isTemplate(file.getFileName().toString()))
                    .sorted()
                    .map(file -> new TemplateSource(file.toString(), read(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list task templates in " + directory, e);
        }
    }

    private static List<TemplateSource> fromUrl(URL url, String root) throws IOException {
        if ("file".equals(url.getProtocol())) {
            try {
                return fromDirectory(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new IOException("unusable template location " + url, e);
            }
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jarConnection) {
            jarConnection.setUseCaches(false);
            try (JarFile jar = jarConnection.getJarFile()) {
                return fromJar(jar, root);
            }
        }
        if ("vfs".equals(url.getProtocol())) {
            return fromVirtualDirectory(connection.getContent(), url);
        }
        throw new IOException("cannot list task templates at " + url
                + ": only directories, jar files and WildFly's vfs are supported");
    }

    /**
     * The templates under a directory of JBoss VFS, the class path WildFly serves: its URLs' content is an
     * {@code org.jboss.vfs.VirtualFile}, read through that class's public methods so that Tasker compiles against
     * no server's API (Flyway reads migrations there the same way).
     */
    private static List<TemplateSource> fromVirtualDirectory(Object directory, URL url) throws IOException {
        try {
            List<TemplateSource> sources = new ArrayList<>();
            for (Object file : (List<?>) call(directory, "getChildrenRecursively")) {
                String name = (String) call(file, "getPathName");
                if ((boolean) call(file, "isFile") && isTemplate(name)) {
                    try (InputStream in = (InputStream) call(file, "openStream")) {
                        sources.add(new TemplateSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
            return sources;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IOException("cannot list task templates at " + url + " (" + directory.getClass().getName()
                    + ")", e);
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }

    private static List<TemplateSource> fromJar(JarFile jar, String root) throws IOException {
        List<TemplateSource> sources = new ArrayList<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            if (!entry.isDirectory() && entry.getName().startsWith(root + "/") && isTemplate(entry.getName())) {
                try (InputStream in = jar.getInputStream(entry)) {
                    sources.add(new TemplateSource(jar.getName() + "!/" + entry.getName(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return sources;
    }

    private static boolean isTemplate(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read task template " + file, e);
        }
    }
}
