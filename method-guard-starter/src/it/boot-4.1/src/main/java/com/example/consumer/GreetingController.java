package com.example.consumer;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One resource that takes GET and POST.
 */
@RestController
@RequestMapping("/greetings")
class GreetingController {

	@GetMapping
	List<String> list() {
		return List.of("hello");
	}

	@PostMapping
	String create(@RequestBody String greeting) {
		return greeting;
	}

}
