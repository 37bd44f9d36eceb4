package com.careflow.notify;

import com.careflow.calendar.CalendarProperties;
import com.careflow.locale.Labels;
import com.careflow.notify.NoticeRelay.Status;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The notices that could not be delivered, for the managers who answer for customer contact
 * (issue 19): case, channel, address, attempts and the last error, each with a button that
 * sends it again ({@code POST /api/notices/{id}/resend}); the newest 200. Behind the same users
 * and passwords as Tasklist, in the reader's language (notices and channels by their labels)
 * and the company's time.
 */
@Controller
public class NoticePage {

  private final NoticeRelay relay;
  private final Labels labels;
  private final DateTimeFormatter local;

  public NoticePage(NoticeRelay relay, Labels labels, CalendarProperties calendar) {
    this.relay = relay;
    this.labels = labels;
    this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
  }

  @GetMapping("/reports/notices")
  @PreAuthorize(NoticeController.WATCHERS)
  public String failed(Locale locale, Model model) {
    model.addAttribute("language", locale.getLanguage());
    model.addAttribute("failed", relay.list(Status.FAILED, null, 200));
    model.addAttribute("pending", relay.list(Status.PENDING, null, 200));
    model.addAttribute("time", local);
    model.addAttribute("labels", labels);
    model.addAttribute("locale", locale);
    return "notices";
  }
}
