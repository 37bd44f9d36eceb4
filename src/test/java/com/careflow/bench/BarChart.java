package com.careflow.bench;

import java.util.List;

/**
 * The summary's ratios as a small hand-written SVG: one horizontal bar per ratio, green when
 * its goal is met, red when not, grey without a goal, with the goal marked on the bar's line.
 */
final class BarChart {

  private static final int LABEL = 330;
  private static final int WIDTH = 360;
  private static final int ROW = 22;

  private BarChart() {}

  static String svg(String title, List<Figure> figures) {
    List<Figure> bars = figures.stream().filter(figure -> !Double.isNaN(figure.ratio())).toList();
    double scale = Math.max(1.5, bars.stream().mapToDouble(figure -> Math.max(figure.ratio(),
        figure.hasGoal() ? figure.goal().limit() : 0)).max().orElse(1) * 1.1);
    int height = 50 + ROW * bars.size() + 20;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(LABEL + WIDTH + 60)
        .append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" ")
        .append("font-size=\"12\">\n");
    svg.append("  <text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">")
        .append(escape(title)).append("</text>\n");
    int one = x(1, scale);
    svg.append("  <line x1=\"").append(one).append("\" y1=\"32\" x2=\"").append(one)
        .append("\" y2=\"").append(height - 20).append("\" stroke=\"#999\" ")
        .append("stroke-dasharray=\"3,3\"/>\n");
    svg.append("  <text x=\"").append(one - 8).append("\" y=\"").append(height - 6)
        .append("\">1.0</text>\n");
    for (int i = 0; i < bars.size(); i++) {
      Figure figure = bars.get(i);
      int y = 40 + i * ROW;
      String colour = !figure.hasGoal() ? "#9e9e9e" : figure.met() ? "#4caf50" : "#e53935";
      svg.append("  <text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 13)
          .append("\" text-anchor=\"end\">").append(escape(figure.name())).append("</text>\n");
      svg.append("  <rect x=\"").append(LABEL).append("\" y=\"").append(y + 2)
          .append("\" width=\"").append(x(figure.ratio(), scale) - LABEL)
          .append("\" height=\"").append(ROW - 6).append("\" fill=\"").append(colour)
          .append("\"/>\n");
      int end = Math.max(x(figure.ratio(), scale), figure.hasGoal()
          ? x(figure.goal().limit(), scale) : 0);
      svg.append("  <text x=\"").append(end + 4).append("\" y=\"")
          .append(y + 13).append("\">").append(figure.ratioText()).append("</text>\n");
      if (figure.hasGoal()) {
        int goal = x(figure.goal().limit(), scale);
        svg.append("  <line x1=\"").append(goal).append("\" y1=\"").append(y)
            .append("\" x2=\"").append(goal).append("\" y2=\"").append(y + ROW - 2)
            .append("\" stroke=\"#000\" stroke-width=\"2\"/>\n");
      }
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static int x(double ratio, double scale) {
    return LABEL + (int) Math.round(Math.max(0, Math.min(ratio, scale)) / scale * WIDTH);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
