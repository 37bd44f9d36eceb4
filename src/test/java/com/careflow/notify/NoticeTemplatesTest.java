package com.careflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.Notices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The customer notices are the process owner's texts ({@code notices/}): every notice CareFlow
 * sends has one in Chinese and one in English, the case's values fill them in, codes read as
 * labels, and a value the case does not have is left out.
 */
class NoticeTemplatesTest {

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void everyNoticeHasItsTextInBothLanguages(String language) {
    for (String notice : NoticeTemplates.NOTICES) {
      assertThat(Path.of("notices", notice + "." + language + ".txt")).as(notice).exists()
          .isNotEmptyFile();
    }
    assertThat(Notices.in(language)).as("loads every text at start").isNotNull();
  }

  @Test
  void aChineseCustomerIsWrittenToInChineseWithLabelsForCodes() {
    NoticeTemplates chinese = Notices.in("zh");
    Map<String, Object> values = Map.of("customerName", "王小明", "subject", "酱油发酸",
        "complaintNumber", "CP-2611-0042", "outcome", "退还货款。", "returnDecision", "REJECT",
        "handleBy", "2026-11-25");
    assertThat(chinese.render("complaint-acknowledgement", values::get))
        .isEqualTo("尊敬的王小明：您反映的“酱油发酸”已登记，投诉编号 CP-2611-0042。"
            + "我们将于 2026-11-25 前处理完毕，处理结果将及时告知您。");
    assertThat(chinese.render("complaint-outcome-return", values::get))
        .contains("退还货款。", "退货审核：不予退货").doesNotContain("REJECT", "{");
  }

  @Test
  void aValueTheCaseDoesNotHaveIsLeftOut() {
    assertThat(Notices.in("en").render("complaint-explanation", Map.of(
        "complaintNumber", "CP-2611-0001")::get))
        .isEqualTo("Dear , about your complaint CP-2611-0001:");
  }

  @Test
  void theTemplatesAreTheFilesAProcessOwnerEdits() throws Exception {
    assertThat(Files.readString(Path.of("notices/complaint-acknowledgement.zh.txt")))
        .contains("{complaintNumber}", "{subject}");
  }
}
