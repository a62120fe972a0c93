package org.cagekit.eval;

/**
 * The k nearest references of each query, nearest first.
 *
 * @param indices {@code [queries][k]} positions in the reference set
 * @param distances {@code [queries][k]} the matching distances, ascending; among equal distances
 *     the lower reference position comes first
 */
public record Neighbours(int[][] indices, double[][] distances) {}
