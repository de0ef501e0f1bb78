package dev.methodguard.sample;

import java.math.BigDecimal;

/**
 * The body of a product create, replace or patch request; absent members are {@code null}.
 *
 * @param name the name
 * @param price the price
 */
public record ProductInput(String name, BigDecimal price) {
}
