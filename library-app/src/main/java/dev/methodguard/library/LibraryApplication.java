package dev.methodguard.library;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A library application with the handler kinds people really add: Spring Data REST over JPA
 * and H2 below {@code /api}, a Thymeleaf page, a view controller, springdoc, an annotated
 * controller with request conditions, and Actuator with the {@code methods} endpoint.
 */
@SpringBootApplication
public class LibraryApplication {

	/**
	 * Start the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(LibraryApplication.class, args);
	}

}
