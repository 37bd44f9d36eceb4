package com.careflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a benchmark ran on, as its report states it beside the figures. */
record Machine(int cores, String cpu, String memory, String os, String jvm) {

  static Machine here() throws IOException {
    return new Machine(Runtime.getRuntime().availableProcessors(),
        firstLine(Path.of("/proc/cpuinfo"), "model name").replaceFirst(".*:\\s*", ""),
        firstLine(Path.of("/proc/meminfo"), "MemTotal").replaceAll("\\s+", " "),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
  }

  private static String firstLine(Path file, String prefix) throws IOException {
    if (!Files.isReadable(file)) {
      return "unknown";
    }
    List<String> lines = Files.readAllLines(file);
    return lines.stream().filter(line -> line.startsWith(prefix)).findFirst().orElse("unknown");
  }

  /** "2 cores (…), MemTotal: … kB, Linux amd64". */
  String describe() {
    return cores + " cores" + ("unknown".equals(cpu) ? "" : " (" + cpu + ")") + ", " + memory
        + ", " + os;
  }
}
