package dev.methodguard.sample;

import java.net.URI;
import java.util.Collection;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Products, kept in the {@link ProductStore}: {@code /api/products} (GET, POST) and
 * {@code /api/products/{id}} (GET, PUT, PATCH, DELETE).
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

	private final ProductStore products;

	ProductController(ProductStore products) {
		this.products = products;
	}

	@GetMapping
	Collection<Product> list() {
		return this.products.all();
	}

	@PostMapping
	ResponseEntity<Product> create(@RequestBody ProductInput input) {
		Product product = new Product(this.products.nextId(), required(input.name(), "name"),
				required(input.price(), "price"));
		this.products.put(product);
		return ResponseEntity.created(URI.create("/api/products/" + product.id())).body(product);
	}

	@GetMapping("/{id}")
	Product get(@PathVariable long id) {
		Product product = this.products.get(id);
		if (product == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No product " + id);
		}
		return product;
	}

	@PutMapping("/{id}")
	ResponseEntity<Product> put(@PathVariable long id, @RequestBody ProductInput input) {
		Product product = new Product(id, required(input.name(), "name"), required(input.price(), "price"));
		Product previous = this.products.put(product);
		return ResponseEntity.status((previous != null) ? HttpStatus.OK : HttpStatus.CREATED).body(product);
	}

	@PatchMapping("/{id}")
	Product patch(@PathVariable long id, @RequestBody ProductInput input) {
		Product patched = this.products.update(id, (key, current) -> new Product(id,
				(input.name() != null) ? input.name() : current.name(),
				(input.price() != null) ? input.price() : current.price()));
		if (patched == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No product " + id);
		}
		return patched;
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.products.remove(id);
		return ResponseEntity.noContent().build();
	}

	private static <T> T required(T value, String member) {
		if (value == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + member + "' is required");
		}
		return value;
	}

}
