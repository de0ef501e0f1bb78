package dev.methodguard.sample;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The catalog as a server-rendered page for browsers: {@code GET /catalog}. Its form posts to
 * the page itself, which takes {@code GET} only, as a form sent to the wrong URL does: the
 * browser then gets the application's own 405 page, {@code templates/error/405.html}.
 */
@Controller
class CatalogPageController {

	private final ProductStore products;

	CatalogPageController(ProductStore products) {
		this.products = products;
	}

	@GetMapping("/catalog")
	String catalog(Model model) {
		model.addAttribute("products", this.products.all());
		return "catalog";
	}

}
