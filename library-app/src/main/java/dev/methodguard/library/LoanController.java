package dev.methodguard.library;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loans, beside Spring Data REST's resources below {@code /api}, with request conditions:
 * the list of a member ({@code ?member=}) or of everybody, and lending and giving back only
 * with a library card ({@code X-Library-Card}); and with API versions
 * ({@code X-API-Version}, 1.0 by default): a loan is read in every version from 1.0, and
 * renewed ({@code PUT}) in version 1.1 only.
 */
@RestController
@RequestMapping("/api/loans")
class LoanController {

	static final String CARD = "X-Library-Card";

	private final Map<Long, Loan> loans = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	@GetMapping(params = "member")
	List<Loan> ofMember(@RequestParam String member) {
		return this.loans.values().stream().filter((loan) -> loan.member().equals(member)).toList();
	}

	@GetMapping(params = "!member")
	Collection<Loan> all() {
		return this.loans.values();
	}

	@GetMapping(path = "/{id}", version = "1.0+")
	ResponseEntity<Loan> one(@PathVariable long id) {
		Loan loan = this.loans.get(id);
		return (loan != null) ? ResponseEntity.ok(loan) : ResponseEntity.notFound().build();
	}

	@PostMapping(headers = CARD, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Loan> lend(@RequestHeader(CARD) String member, @RequestBody LoanRequest request) {
		Loan loan = new Loan(this.ids.incrementAndGet(), request.bookId(), member);
		this.loans.put(loan.id(), loan);
		return ResponseEntity.created(URI.create("/api/loans/" + loan.id())).body(loan);
	}

	@PutMapping(path = "/{id}", version = "1.1", headers = CARD, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Loan> renew(@PathVariable long id, @RequestBody LoanRequest request) {
		Loan loan = this.loans.get(id);
		return (loan != null) ? ResponseEntity.ok(loan) : ResponseEntity.notFound().build();
	}

	@DeleteMapping(path = "/{id}", headers = CARD)
	ResponseEntity<Void> giveBack(@PathVariable long id) {
		return (this.loans.remove(id) != null) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

}
