package io.prockit.examples.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Median, minimum and maximum of a set of samples.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min    the smallest sample
 * @param max    the largest sample
 * @param n      how many samples
 */
record Stats(double median, double min, double max, int n) {

    /**
     * @param samples at least one sample
     * @return their statistics
     * @throws IllegalArgumentException if there is none
     */
    static Stats of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Stats(median, s[0], s[n - 1], n);
    }

    /**
     * @param samples at least one sample
     * @return their statistics
     */
    static Stats of(List<Double> samples) {
        return of(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
