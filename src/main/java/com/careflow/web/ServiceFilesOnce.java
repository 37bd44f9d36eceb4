package com.careflow.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * Camunda's REST API (at {@code /engine-rest} and behind Tasklist and Cockpit) finds its process
 * engine anew for every resource of every request, through a {@link java.util.ServiceLoader}
 * on the request thread's class loader: each time it searched all the application's nested jars
 * for {@code META-INF/services/…ProcessEngineProvider} and read the file it found, about 4 % of
 * the application's CPU under load (docs/performance.md, tuning log).
 *
 * <p>The class loader of the web requests now reads each service file of the application once
 * and keeps it: the jars of a running application do not change. Classes and every other
 * resource are still looked up as before.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceFilesOnce {

  /** The web application's class loader is made on top of the factory's resource loader's. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> serviceFilesReadOnce(
      ResourceLoader application) {
    return factory -> factory.setResourceLoader(new DefaultResourceLoader(
        new ServiceFilesLoader(application.getClassLoader())));
  }

  /** Delegates everything to its parent; keeps what {@code META-INF/services/} files say. */
  static final class ServiceFilesLoader extends ClassLoader {

    private static final String SERVICES = "META-INF/services/";

    static {
      registerAsParallelCapable();
    }

    private final Map<String, List<URL>> files = new ConcurrentHashMap<>();

    ServiceFilesLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (!name.startsWith(SERVICES)) {
        return super.getResources(name);
      }
      try {
        return Collections.enumeration(files.computeIfAbsent(name, this::read));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    /** Each file of that name in the parent's jars, as a URL that serves its bytes as read. */
    private List<URL> read(String name) {
      List<URL> kept = new ArrayList<>();
      try {
        Enumeration<URL> found = super.getResources(name);
        while (found.hasMoreElements()) {
          URL file = found.nextElement();
          byte[] content;
          try (InputStream in = file.openStream()) {
            content = in.readAllBytes();
          }
          kept.add(new URL(null, file.toString(), new Kept(content)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return List.copyOf(kept);
    }
  }

  /** A URL's handler that opens what was read from it. */
  private static final class Kept extends URLStreamHandler {

    private final byte[] content;

    Kept(byte[] content) {
      this.content = content;
    }

    @Override
    protected URLConnection openConnection(URL url) {
      return new URLConnection(url) {
        @Override
        public void connect() {
          connected = true;
        }

        @Override
        public InputStream getInputStream() {
          return new ByteArrayInputStream(content);
        }
      };
    }
  }
}
