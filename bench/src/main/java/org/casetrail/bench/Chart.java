package org.casetrail.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's chart, as SVG: for each measured phase that has them, its throughput (per second) and its p99
 * latency (ms), as two columns of horizontal bars, each scaled to its own largest value.
 */
final class Chart {

    private record Bar(String name, double value) {
    }

    private Chart() {
    }

    static String svg(Map<String, Object> report) {
        List<Bar> throughput = new ArrayList<>();
        List<Bar> p99 = new ArrayList<>();
        collect("", report, throughput, p99);
        int rows = Math.max(throughput.size(), p99.size());
        int height = 60 + rows * 22;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\""
                + height + "\" font-family=\"sans-serif\" font-size=\"11\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        panel(svg, "Throughput (per second)", throughput, 0);
        panel(svg, "p99 latency (ms)", p99, 480);
        return svg.append("</svg>\n").toString();
    }

    @SuppressWarnings("unchecked")
    private static void collect(String prefix, Map<String, Object> values, List<Bar> throughput, List<Bar> p99) {
        values.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                Map<String, Object> phase = (Map<String, Object>) nested;
                String name = prefix.isEmpty() ? key : prefix + " " + key;
                if (phase.get("perSecond") instanceof Number rate) {
                    throughput.add(new Bar(name, rate.doubleValue()));
                }
                if (phase.get("p99Ms") instanceof Number ms) {
                    p99.add(new Bar(name, ms.doubleValue()));
                }
                if (prefix.isEmpty()) {
                    collect(key, phase, throughput, p99);
                }
            }
        });
    }

    private static void panel(StringBuilder svg, String title, List<Bar> bars, int x) {
        svg.append("<text x=\"").append(x + 10).append("\" y=\"24\" font-size=\"14\" font-weight=\"bold\">")
           .append(title).append("</text>\n");
        double most = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int y = 44;
        for (Bar bar : bars) {
            double width = most <= 0 ? 0 : 200 * bar.value() / most;
            svg.append("<text x=\"").append(x + 10).append("\" y=\"").append(y + 12).append("\">")
               .append(escape(bar.name())).append("</text>\n")
               .append("<rect x=\"").append(x + 190).append("\" y=\"").append(y + 2).append("\" width=\"")
               .append(String.format(Locale.ROOT, "%.1f", width)).append("\" height=\"14\" fill=\"#1d70b8\"/>\n")
               .append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", x + 196 + width)).append("\" y=\"")
               .append(y + 13).append("\">").append(String.format(Locale.ROOT, "%.1f", bar.value()))
               .append("</text>\n");
            y += 22;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
