package dev.methodguard.library;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The shelf page, rendered with Thymeleaf.
 */
@Controller
class ShelfController {

	private final BookRepository books;

	ShelfController(BookRepository books) {
		this.books = books;
	}

	@GetMapping("/shelf")
	String shelf(Model model) {
		model.addAttribute("books", this.books.findAll());
		return "shelf";
	}

}
