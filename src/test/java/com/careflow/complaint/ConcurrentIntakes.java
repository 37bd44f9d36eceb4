package com.careflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.complaint.ComplaintRequest.Channel;
import com.careflow.complaint.ComplaintRequest.ComplaintType;
import com.careflow.customer.Customer;
import com.careflow.customer.Customer.Region;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Registers many complaints at the same moment and checks the numbers they get. */
final class ConcurrentIntakes {

  private ConcurrentIntakes() {}

  /** Starts {@code count} intakes together; returns their numbers' serials, sorted. */
  static List<Integer> registerTogether(ComplaintIntake intake, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> numbers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int caller = i;
        Callable<String> register = () -> {
          start.await();
          return intake.register(request(caller), "agent").number();
        };
        numbers.add(pool.submit(register));
      }
      start.countDown();
      List<Integer> serials = new ArrayList<>();
      String period = null;
      for (Future<String> number : numbers) {
        String value = number.get(120, TimeUnit.SECONDS);
        assertThat(value).matches("CP-\\d{4}-\\d{4}");
        String month = value.substring(3, 7);
        assertThat(period == null || period.equals(month)).as("one month").isTrue();
        period = month;
        serials.add(Integer.parseInt(value.substring(8)));
      }
      serials.sort(Integer::compare);
      return serials;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The serials are unique and without gaps. */
  static void assertConsecutive(List<Integer> serials, int count) {
    assertThat(serials).hasSize(count).doesNotHaveDuplicates();
    int first = serials.get(0);
    for (int i = 0; i < count; i++) {
      assertThat(serials.get(i)).isEqualTo(first + i);
    }
  }

  private static ComplaintRequest request(int caller) {
    return new ComplaintRequest(Channel.ONLINE, ComplaintType.COMPLAINT,
        new Customer("Customer " + caller, "1380000" + String.format("%04d", caller), null, null,
            Region.DOMESTIC),
        "Complaint " + caller, "Registered concurrently", null, null, null,
        BigDecimal.TEN, false);
  }
}
