package com.careflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code count} units of work (a whole case, an intake) on {@code concurrency} workers,
 * each taking the next unit when done with its last, and measures the wall time until all are
 * done and over ({@link Drain}: a case's last asynchronous step), with the {@link Gauges}
 * read before and after.
 */
final class Load {

  /** One unit of work, done by worker {@code worker} (0 … concurrency − 1). */
  @FunctionalInterface
  interface Job {
    void run(int worker) throws Exception;
  }

  /** Waits until what the workers did is over. */
  @FunctionalInterface
  interface Drain {
    void await() throws Exception;
  }

  /** What a run took: its wall time and what it used. */
  record Result(int count, int concurrency, double seconds, Gauges.Reading used) {
    double perSecond() {
      return count / seconds;
    }

    double perUnit(double total) {
      return total / count;
    }
  }

  private Load() {}

  static Result run(int count, int concurrency, Gauges gauges, Job job, Drain drain)
      throws Exception {
    return run(count, concurrency, 0, gauges, job, drain);
  }

  /**
   * The same with people's pace: each worker pauses after each unit, for a random time of mean
   * {@code meanPauseMillis} (exponential, as arrivals of independent people are), so that
   * {@code concurrency} agents offer about {@code concurrency / meanPause} units a second.
   */
  static Result run(int count, int concurrency, long meanPauseMillis, Gauges gauges, Job job,
      Drain drain) throws Exception {
    Gauges.Reading before = gauges.read();
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        int worker = i;
        running.add(workers.submit(() -> {
          java.util.Random pace = new java.util.Random(worker);
          if (meanPauseMillis > 0) {
            Thread.sleep(pace.nextInt((int) meanPauseMillis + 1)); // agents start spread out
          }
          while (next.getAndIncrement() < count) {
            job.run(worker);
            if (meanPauseMillis > 0) {
              Thread.sleep((long) (-meanPauseMillis * Math.log(1 - pace.nextDouble())));
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : running) {
        worker.get(); // the first failure fails the run
      }
    } finally {
      workers.shutdownNow();
    }
    drain.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(count, concurrency, seconds, gauges.read().minus(before));
  }
}
