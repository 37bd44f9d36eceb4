package com.careflow.review;

import com.careflow.review.MonthlyComplaintReport.MonthRate;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The report page's charts, drawn on the server as inline SVG: no script, no CDN, and they
 * print. Each method gives a complete {@code <svg>} element.
 */
final class SvgCharts {

  private static final String[] RATING_COLOURS = {"#2e7d32", "#81c784", "#ffb74d", "#e53935"};
  private static final int WIDTH = 640;
  private static final int LABEL = 180;

  private SvgCharts() {}

  /** Horizontal bars, one per entry, longest first as given; {@code none} when there are none. */
  static String bars(Map<String, Long> values, String none) {
    if (values.isEmpty()) {
      return empty(none);
    }
    long max = values.values().stream().mapToLong(Long::longValue).max().orElse(1);
    StringBuilder svg = open(values.size() * 28 + 10);
    int y = 5;
    for (Map.Entry<String, Long> entry : values.entrySet()) {
      int length = (int) Math.round((WIDTH - LABEL - 60) * entry.getValue() / (double) max);
      svg.append(text(LABEL - 8, y + 16, entry.getKey(), "end"))
          .append(rect(LABEL, y + 4, Math.max(length, 1), 18, "#3f6fb5"))
          .append(text(LABEL + length + 6, y + 17, entry.getValue().toString(), "start"));
      y += 28;
    }
    return svg.append("</svg>").toString();
  }

  /** Columns of the on-time rate per month, with the rate above each column. */
  static String rates(List<MonthRate> months) {
    int height = 200;
    int column = (WIDTH - 40) / months.size();
    StringBuilder svg = open(height + 40);
    svg.append("<line x1=\"20\" y1=\"").append(height).append("\" x2=\"").append(WIDTH - 20)
        .append("\" y2=\"").append(height).append("\" stroke=\"#999\"/>");
    int x = 20;
    for (MonthRate month : months) {
      if (month.rate() != null) {
        int bar = (int) Math.round((height - 30) * month.rate());
        svg.append(rect(x + 6, height - bar, column - 12, bar, "#2e7d32"))
            .append(text(x + column / 2, height - bar - 6,
                Math.round(month.rate() * 100) + "%", "middle"));
      } else {
        svg.append(text(x + column / 2, height - 6, "–", "middle"));
      }
      svg.append(text(x + column / 2, height + 16, month.month().substring(2), "middle"));
      x += column;
    }
    return svg.append("</svg>").toString();
  }

  /**
   * One stacked bar per dimension: how many customers gave each rating, with a legend naming
   * the ratings ({@code ratingNames}, best first, as the ratings are ordered).
   */
  static String stacked(Map<String, Map<String, Long>> ratingsByDimension,
      List<String> ratingNames) {
    StringBuilder svg = open(ratingsByDimension.size() * 30 + 40);
    int y = 5;
    for (Map.Entry<String, Map<String, Long>> dimension : ratingsByDimension.entrySet()) {
      long total = dimension.getValue().values().stream().mapToLong(Long::longValue).sum();
      svg.append(text(LABEL - 8, y + 16, dimension.getKey(), "end"));
      int x = LABEL;
      int colour = 0;
      for (Map.Entry<String, Long> rating : dimension.getValue().entrySet()) {
        int length = total == 0 ? 0
            : (int) Math.round((WIDTH - LABEL - 20) * rating.getValue() / (double) total);
        if (length > 0) {
          svg.append(rect(x, y + 4, length, 18, RATING_COLOURS[colour]))
              .append(text(x + length / 2, y + 17, rating.getValue().toString(), "middle"));
        }
        x += length;
        colour++;
      }
      y += 30;
    }
    int x = LABEL;
    int colour = 0;
    for (String rating : ratingNames) {
      svg.append(rect(x, y + 6, 12, 12, RATING_COLOURS[colour++]))
          .append(text(x + 16, y + 16, rating, "start"));
      x += 110;
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(int height) {
    return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(height).append("\" font-family=\"'Noto Sans CJK SC', sans-serif\" font-size=\"12\">");
  }

  private static String empty(String none) {
    return open(30).append(text(10, 20, none, "start")).append("</svg>").toString();
  }

  private static String rect(int x, int y, int width, int height, String fill) {
    return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + height
        + "\" fill=\"" + fill + "\"/>";
  }

  private static String text(int x, int y, String text, String anchor) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">"
        + HtmlUtils.htmlEscape(text) + "</text>";
  }
}
