package dev.methodguard.sample;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders are only ever submitted: {@code POST /api/orders} accepts one (202), body optional.
 */
@RestController
class OrderController {

	@PostMapping("/api/orders")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> submit(@RequestBody(required = false) Map<String, Object> order) {
		return Map.of("orderId", UUID.randomUUID().toString(), "status", "accepted");
	}

}
