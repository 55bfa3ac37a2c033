package io.prockit.examples.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the report as one PNG (headless AWT): spawn latency by method as bars; threads and RSS
 * growth against the number of live children as lines; pipe rate, process-table listing and cold
 * start as small bar panels. A panel without data says so instead of disappearing.
 */
final class Chart {
    static final int WIDTH = 1400;
    static final int HEIGHT = 1260;
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xe4, 0xe4, 0xe4);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Chart() {
    }

    /** The colour of a method: prockit blue, the JDK orange, NuProcess green, C grey, Python purple. */
    static Color color(String method) {
        if (method.startsWith("prockit")) {
            if (method.contains("listener")) {
                return new Color(0x17, 0xbe, 0xcf);
            }
            if (method.contains("appcds")) {
                return new Color(0x39, 0x3b, 0x79);
            }
            return method.contains("pipes") ? new Color(0x6b, 0xae, 0xd6) : new Color(0x1f, 0x5f, 0xb4);
        }
        if (method.startsWith("jdk")) {
            return method.contains("pipes") ? new Color(0xfd, 0xae, 0x6b) : new Color(0xe6, 0x55, 0x0d);
        }
        if (method.startsWith("nuprocess")) {
            return new Color(0x31, 0xa3, 0x54);
        }
        if (method.startsWith("python") || method.startsWith("psutil")) {
            return new Color(0x75, 0x6b, 0xb1);
        }
        if (method.startsWith("java-procfs")) {
            return new Color(0x8c, 0x56, 0x4b);
        }
        return method.contains("pipes") ? new Color(0xa0, 0xa0, 0xa0) : new Color(0x63, 0x63, 0x63);
    }

    /**
     * Writes the chart.
     *
     * @param report the measurements
     * @param file   the PNG to write
     * @param title  the headline (machine, date)
     */
    static void write(Report report, Path file, String title) throws IOException {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(INK);
            g.setFont(TITLE.deriveFont(15f));
            g.drawString("prockit bench — " + title, 20, 32);
            bars(g, 20, 50, WIDTH - 40, 400, "spawn + wait of /bin/true: median µs (lower is better)",
                    rows(report, "spawn", "latency"));
            lines(g, 20, 470, WIDTH / 2 - 30, 400, "threads of this JVM vs live children", report, "threads");
            lines(g, WIDTH / 2 + 10, 470, WIDTH / 2 - 30, 400, "RSS growth (MB) vs live children", report, "rss-mb");
            int w3 = (WIDTH - 40 - 40) / 3;
            bars(g, 20, 890, w3, 350, "pipe: MB/s from a child's stdout",
                    rows(report, "pipe", "rate"));
            bars(g, 40 + w3, 890, w3, 350, "process table: ms per listing", rows(report, "table", "list"));
            bars(g, 60 + 2 * w3, 890, w3, 350, "cold: first spawn in a fresh JVM, ms", rows(report, "cold",
                    "first-spawn"));
        } finally {
            g.dispose();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
    }

    private static List<Report.Row> rows(Report report, String section, String metric) {
        List<Report.Row> out = new ArrayList<>();
        for (Report.Row r : report.rows) {
            if (r.section().equals(section) && r.metric().equals(metric)) {
                out.add(r);
            }
        }
        return out;
    }

    private static void frame(Graphics2D g, int x, int y, int w, int h, String title) {
        g.setColor(new Color(0xfa, 0xfa, 0xfa));
        g.fillRect(x, y, w, h);
        g.setColor(GRID);
        g.drawRect(x, y, w, h);
        g.setColor(INK);
        g.setFont(TITLE);
        g.drawString(title, x + 10, y + 24);
    }

    private static void empty(Graphics2D g, int x, int y, int w, int h) {
        g.setFont(LABEL);
        g.setColor(Color.GRAY);
        g.drawString("not measured in this run", x + 10, y + h / 2);
    }

    /** Horizontal bars, one per row: the median, with a thin line from min to max. */
    static void bars(Graphics2D g, int x, int y, int w, int h, String title, List<Report.Row> rows) {
        frame(g, x, y, w, h, title);
        if (rows.isEmpty()) {
            empty(g, x, y, w, h);
            return;
        }
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        int labelW = 0;
        for (Report.Row r : rows) {
            labelW = Math.max(labelW, fm.stringWidth(r.method()));
        }
        int left = x + 16 + labelW;
        int valueW = fm.stringWidth("00,000.0 MB/s (0.00x)") + 10;
        int barMax = Math.max(40, w - (left - x) - valueW - 16);
        double max = rows.stream().mapToDouble(r -> r.stats().median()).max().orElse(1);
        int top = y + 40;
        int slot = Math.min(42, (h - 50) / rows.size());
        int barH = Math.max(8, slot - 10);
        for (int i = 0; i < rows.size(); i++) {
            Report.Row r = rows.get(i);
            int by = top + i * slot;
            int len = (int) Math.round(barMax * r.stats().median() / max);
            g.setColor(color(r.method()));
            g.fillRect(left, by, Math.max(1, len), barH);
            g.setColor(INK);
            g.drawString(r.method(), x + 10, by + barH / 2 + fm.getAscent() / 2 - 2);
            String v = Report.num(r.stats().median()) + " " + r.unit()
                    + (r.ratio() == null ? "" : String.format(Locale.ROOT, " (%.2fx)", r.ratio()));
            g.drawString(v, left + Math.max(1, len) + 6, by + barH / 2 + fm.getAscent() / 2 - 2);
        }
        g.setFont(SMALL);
        g.setColor(Color.GRAY);
        String ref = rows.stream().filter(r -> r.ratioRef() != null).map(Report.Row::ratioRef).findFirst().orElse(null);
        if (ref != null) {
            g.drawString("ratios against " + ref, x + 10, y + h - 8);
        }
    }

    /** One line per method of {@code series} against the number of live children. */
    static void lines(Graphics2D g, int x, int y, int w, int h, String title, Report report, String series) {
        frame(g, x, y, w, h, title);
        Map<String, List<Report.Point>> byMethod = new LinkedHashMap<>();
        for (Report.Point p : report.points) {
            if (p.series().equals(series)) {
                byMethod.computeIfAbsent(p.method(), m -> new ArrayList<>()).add(p);
            }
        }
        if (byMethod.isEmpty()) {
            empty(g, x, y, w, h);
            return;
        }
        double maxX = 1;
        double maxY = 1;
        for (List<Report.Point> ps : byMethod.values()) {
            for (Report.Point p : ps) {
                maxX = Math.max(maxX, p.children());
                maxY = Math.max(maxY, p.value());
            }
        }
        double stepY = niceStep(maxY / 5);
        maxY = Math.ceil(maxY / stepY) * stepY;
        double stepX = niceStep(maxX / 5);
        maxX = Math.ceil(maxX / stepX) * stepX;
        int left = x + 64;
        int right = x + w - 16;
        int top = y + 70;
        int bottom = y + h - 40;
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (double v = 0; v <= maxY + stepY / 2; v += stepY) {
            int py = bottom - (int) Math.round((bottom - top) * v / maxY);
            g.setColor(GRID);
            g.drawLine(left, py, right, py);
            g.setColor(INK);
            String s = Report.num(v);
            g.drawString(s, left - 6 - fm.stringWidth(s), py + 4);
        }
        for (double v = 0; v <= maxX + stepX / 2; v += stepX) {
            int px = left + (int) Math.round((right - left) * v / maxX);
            g.setColor(INK);
            String s = Report.num(v);
            g.drawString(s, px - fm.stringWidth(s) / 2, bottom + 16);
        }
        g.drawString("live children", (left + right) / 2 - 30, bottom + 32);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        int legendX = x + 10;
        int legendY = y + 46;
        g.setFont(LABEL);
        fm = g.getFontMetrics();
        for (Map.Entry<String, List<Report.Point>> e : byMethod.entrySet()) {
            Color c = color(e.getKey());
            g.setColor(c);
            g.setStroke(new BasicStroke(2.5f));
            int px0 = -1;
            int py0 = -1;
            // several rounds give several points per x: draw the last round's curve
            Map<Integer, Double> last = new LinkedHashMap<>();
            for (Report.Point p : e.getValue()) {
                last.put(p.children(), p.value());
            }
            for (Map.Entry<Integer, Double> p : last.entrySet()) {
                int px = left + (int) Math.round((right - left) * p.getKey() / maxX);
                int py = bottom - (int) Math.round((bottom - top) * p.getValue() / maxY);
                if (px0 >= 0) {
                    g.drawLine(px0, py0, px, py);
                }
                g.fillOval(px - 3, py - 3, 7, 7);
                px0 = px;
                py0 = py;
            }
            g.setStroke(new BasicStroke(1f));
            g.fillRect(legendX, legendY - 9, 14, 10);
            g.setColor(INK);
            g.drawString(e.getKey(), legendX + 18, legendY);
            legendX += 18 + fm.stringWidth(e.getKey()) + 16;
        }
    }

    /** @return 1, 2 or 5 times a power of ten, at least {@code raw} */
    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
