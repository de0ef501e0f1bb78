package dev.methodguard.sample;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import org.springframework.stereotype.Component;

/**
 * The products of the catalog, kept in memory: products 1 and 42 exist at start.
 */
@Component
class ProductStore {

	private final Map<Long, Product> products = new ConcurrentSkipListMap<>();

	private final AtomicLong nextId = new AtomicLong(100);

	ProductStore() {
		this.products.put(1L, new Product(1, "Widget", new BigDecimal("9.99")));
		this.products.put(42L, new Product(42, "Answer", new BigDecimal("42.00")));
	}

	Collection<Product> all() {
		return this.products.values();
	}

	Product get(long id) {
		return this.products.get(id);
	}

	long nextId() {
		return this.nextId.getAndIncrement();
	}

	Product put(Product product) {
		return this.products.put(product.id(), product);
	}

	Product update(long id, BiFunction<Long, Product, Product> change) {
		return this.products.computeIfPresent(id, change);
	}

	void remove(long id) {
		this.products.remove(id);
	}

}
