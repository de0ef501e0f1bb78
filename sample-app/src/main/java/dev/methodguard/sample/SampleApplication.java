package dev.methodguard.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A demo of method-guard with every kind of endpoint: annotated controllers, functional
 * routes, a static resource and a plain servlet.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Run the sample.
	 * @param args command-line arguments, such as {@code --server.port=9090}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
