package kz.migration.monitor.generator;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Picks items with probability proportional to fixed weights, in O(log n) per pick. */
final class WeightedChoice<T> {

    private final List<T> items;
    private final double[] cumulative;

    WeightedChoice(List<T> items, ToDoubleFunction<T> weight) {
        this.items = List.copyOf(items);
        this.cumulative = new double[items.size()];
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            double w = weight.applyAsDouble(items.get(i));
            if (w < 0) {
                throw new IllegalArgumentException("negative weight for " + items.get(i));
            }
            sum += w;
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("no item has a positive weight: " + items);
        }
    }

    /** Items paired with weights as alternating arguments: {@code "UZB", 35, "RUS", 25, ...}. */
    static WeightedChoice<String> of(Object... itemsAndWeights) {
        String[] names = new String[itemsAndWeights.length / 2];
        double[] weights = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = (String) itemsAndWeights[2 * i];
            weights[i] = ((Number) itemsAndWeights[2 * i + 1]).doubleValue();
        }
        List<String> list = List.of(names);
        return new WeightedChoice<>(list, s -> weights[list.indexOf(s)]);
    }

    T pick(SplittableRandom rng) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        i = i >= 0 ? i + 1 : -i - 1;
        // a zero-weight item shares its cumulative value with its predecessor: skip it
        while (i < cumulative.length - 1
                && (i > 0 ? cumulative[i] == cumulative[i - 1] : cumulative[i] == 0)) {
            i++;
        }
        return items.get(Math.min(i, items.size() - 1));
    }
}
