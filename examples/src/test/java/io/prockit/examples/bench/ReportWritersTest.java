package io.prockit.examples.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWritersTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static Report sample() {
        Report r = new Report();
        Report.Row c = r.row("spawn", "c-posix_spawn", "latency", "us", Stats.of(700, 800, 900), null);
        r.row("spawn", "prockit", "latency", "us", Stats.of(770, 880, 990), c);
        r.row("pipe", "prockit", "rate", "MB/s", Stats.of(1500), null);
        r.target("spawn", "prockit <= 1.10x, \"the C loop\"", "1.10x", true);
        r.point("threads", "prockit", 100, 21);
        r.point("threads", "prockit", 200, 21);
        r.point("threads", "jdk-pipes", 100, 120);
        r.point("threads", "jdk-pipes", 200, 220);
        r.point("rss-mb", "prockit", 200, 3.5);
        r.note("table", "psutil skipped");
        return r;
    }

    @Test
    void statsTakeTheMiddle() {
        assertEquals(new Stats(2.5, 1, 4, 4), Stats.of(4, 1, 3, 2));
        assertEquals(new Stats(3, 3, 3, 1), Stats.of(3));
    }

    @Test
    void ratiosAreAgainstTheReference() {
        Report r = sample();
        assertEquals(1.1, r.find("spawn", "prockit", "latency").ratio(), 1e-9);
        assertEquals("c-posix_spawn", r.find("spawn", "prockit", "latency").ratioRef());
    }

    @Test
    void csvQuotesFieldsThatNeedIt() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\n", Report.csv("a", "b,c", "say \"hi\"", "x\ny"));
    }

    @Test
    void csvFilesHoldRowsTargetsAndSeries(@TempDir Path dir) throws Exception {
        List<Path> files = sample().writeCsv(dir.resolve("out"));
        List<String> results = Files.readAllLines(files.get(0));
        assertEquals("kind,section,method,metric,unit,median,min,max,n,ratio,ratio_ref,verdict", results.get(0));
        assertEquals("row,spawn,prockit,latency,us,880,770,990,3,1.1000,c-posix_spawn,", results.get(2));
        assertTrue(results.contains("target,spawn,,\"prockit <= 1.10x, \"\"the C loop\"\"\",,,,,,,1.10x,PASS"),
                results.toString());
        List<String> series = Files.readAllLines(files.get(1));
        assertEquals("series,method,children,value", series.get(0));
        assertEquals("threads,jdk-pipes,200,220", series.get(4));
    }

    @Test
    void chartIsAReadablePng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("bench.png");
        Chart.write(sample(), png, "test machine");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertEquals(Chart.WIDTH, img.getWidth());
        assertEquals(Chart.HEIGHT, img.getHeight());
        // the prockit bar is drawn in prockit's colour somewhere in the spawn panel
        int prockit = Chart.color("prockit").getRGB();
        boolean found = false;
        for (int y = 50; y < 450 && !found; y++) {
            for (int x = 20; x < Chart.WIDTH - 20 && !found; x++) {
                found = img.getRGB(x, y) == prockit;
            }
        }
        assertTrue(found, "no prockit bar in the spawn panel");
        assertNotEquals(Chart.color("prockit"), Chart.color("jdk"));
    }

    @Test
    void niceStepsAreOneTwoOrFive() {
        assertEquals(1, Chart.niceStep(0.7), 1e-9);
        assertEquals(200, Chart.niceStep(130), 1e-9);
        assertEquals(5000, Chart.niceStep(4100), 1e-9);
    }

    @Test
    void printedReportShowsVerdictsAndNotes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sample().print(new PrintStream(bytes, true));
        String text = bytes.toString();
        assertTrue(text.contains("PASS [spawn]"), text);
        assertTrue(text.contains("1.10x c-posix_spawn"), text);
        assertTrue(text.contains("- table: psutil skipped"), text);
    }
}
