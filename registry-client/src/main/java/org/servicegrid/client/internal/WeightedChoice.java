package org.servicegrid.client.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.servicegrid.protocol.ServiceInfo;

/**
 * One choice among a fixed list of instances in proportion to their Meta weights. Position {@code
 * n} of the round-robin is entry {@code n mod total} of nginx's smooth weighted round-robin order,
 * computed once per list, so weights 3 and 1 give exactly A A B A in every 4 picks (spread out, not
 * 3 in a row), and a pick is an array read, without a lock. With all weights equal (the usual case)
 * there is no order to keep: position {@code n} is instance {@code n mod size}, as plain
 * round-robin. Each instance's {@link Optional} is made once too, so a pick allocates nothing
 * whether or not the JIT inlines it. Immutable.
 */
final class WeightedChoice {

  /**
   * Smooth orders that take more steps to compute are not kept; such weights are picked by
   * cumulative weight instead, in the same proportions.
   */
  private static final long MAX_ORDER_WORK = 1 << 20;

  static final WeightedChoice NONE = new WeightedChoice(List.of(), 0, null, null);

  private final List<Optional<ServiceInfo>> members;
  private final int total; // the weights' sum divided by their greatest common divisor
  private final int[] order; // smooth order; null when all weights are equal or the order is long
  private final int[] cumulative; // running sums of the reduced weights; null when all are equal

  private WeightedChoice(List<ServiceInfo> members, int total, int[] order, int[] cumulative) {
    this.members = members.stream().map(Optional::of).toList();
    this.total = total;
    this.order = order;
    this.cumulative = cumulative;
  }

  /** A choice in smooth order, for a list that many picks share. */
  static WeightedChoice of(List<ServiceInfo> members) {
    return of(members, true);
  }

  /**
   * A choice by cumulative weight (position {@code n} falls in an instance's run of {@code weight}
   * positions), cheap to build for a list that only one pick uses.
   */
  static WeightedChoice byCumulativeWeight(List<ServiceInfo> members) {
    return of(members, false);
  }

  private static WeightedChoice of(List<ServiceInfo> members, boolean smooth) {
    if (members.isEmpty()) {
      return NONE;
    }
    int[] weights = members.stream().mapToInt(ServiceInfo::weight).toArray();
    int divisor = 0;
    for (int weight : weights) {
      divisor = gcd(divisor, weight);
    }
    int[] cumulative = new int[weights.length];
    int total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= divisor;
      total += weights[i];
      cumulative[i] = total;
    }
    if (total == members.size()) {
      return new WeightedChoice(members, total, null, null);
    }
    boolean cheap = (long) total * weights.length <= MAX_ORDER_WORK;
    int[] order = smooth && cheap ? smoothOrder(weights, total) : null;
    return new WeightedChoice(members, total, order, cumulative);
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  /** The instance at round-robin position {@code position} (any int; taken modulo the total). */
  Optional<ServiceInfo> at(int position) {
    int slot = Math.floorMod(position, total);
    if (cumulative == null) {
      return members.get(slot);
    }
    return members.get(order != null ? order[slot] : byCumulativeWeight(slot));
  }

  /** An instance drawn at random, each with probability weight / total. */
  Optional<ServiceInfo> random() {
    int slot = ThreadLocalRandom.current().nextInt(total);
    return members.get(cumulative == null ? slot : byCumulativeWeight(slot));
  }

  private int byCumulativeWeight(int slot) {
    int i = 0;
    while (cumulative[i] <= slot) {
      i++;
    }
    return i;
  }

  /**
   * nginx's smooth weighted round-robin, run for one full period: each step every instance gains
   * its weight, the one with the most (the first on a tie) is chosen and pays the total back.
   */
  private static int[] smoothOrder(int[] weights, int total) {
    int[] current = new int[weights.length];
    int[] order = new int[total];
    for (int step = 0; step < total; step++) {
      int best = 0;
      for (int i = 0; i < weights.length; i++) {
        current[i] += weights[i];
        if (current[i] > current[best]) {
          best = i;
        }
      }
      current[best] -= total;
      order[step] = best;
    }
    return order;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
