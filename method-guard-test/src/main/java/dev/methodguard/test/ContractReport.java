package dev.methodguard.test;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a {@link MethodContract} verification: every violation found, not only the
 * first, and the routes that could not be verified.
 */
public final class ContractReport {

	private final List<ContractViolation> violations;

	private final List<String> skipped;

	private final int requests;

	ContractReport(List<ContractViolation> violations, List<String> skipped, int requests) {
		this.violations = List.copyOf(violations);
		this.skipped = List.copyOf(skipped);
		this.requests = requests;
	}

	/**
	 * Every violation, in the order of the routes and methods checked.
	 * @return the violations, empty when the contract holds
	 */
	public List<ContractViolation> violations() {
		return this.violations;
	}

	/**
	 * The routes left unverified, each with the reason (such as a pattern with wildcards and
	 * no example).
	 * @return the skipped routes
	 */
	public List<String> skipped() {
		return this.skipped;
	}

	/**
	 * How many requests the verification sent.
	 * @return the number of requests
	 */
	public int requests() {
		return this.requests;
	}

	/**
	 * Whether the contract holds on every route verified.
	 * @return {@code true} without violations
	 */
	public boolean isSatisfied() {
		return this.violations.isEmpty();
	}

	/**
	 * The violations as a table, one line each: route (with the API version the request
	 * carried, if any), method, expected, got.
	 * @return the table
	 */
	public String table() {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "route", "method", "expected", "got" });
		for (ContractViolation violation : this.violations) {
			String route = violation.route();
			if (violation.version() != null) {
				route += " [version " + violation.version() + "]";
			}
			if (!violation.route().equals(violation.path())) {
				route += " (" + violation.path() + ")";
			}
			rows.add(new String[] { route, violation.method(), violation.expected(), violation.got() });
		}
		int[] widths = new int[4];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder table = new StringBuilder();
		for (int r = 0; r < rows.size(); r++) {
			table.append(line(rows.get(r), widths));
			if (r == 0) {
				table.append(line(new String[] { "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2]),
						"-".repeat(widths[3]) }, widths));
			}
		}
		return table.toString();
	}

	private static String line(String[] cells, int[] widths) {
		StringBuilder line = new StringBuilder("| ");
		for (int i = 0; i < cells.length; i++) {
			line.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" | ");
		}
		return line.toString().stripTrailing() + System.lineSeparator();
	}

	/**
	 * A summary: the number of violations and requests, the table, and the skipped routes.
	 * @return the summary
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		text.append("Method contract: ")
			.append(this.violations.size())
			.append(" violation(s) in ")
			.append(this.requests)
			.append(" request(s)")
			.append(System.lineSeparator());
		if (!this.violations.isEmpty()) {
			text.append(table());
		}
		for (String route : this.skipped) {
			text.append("not verified: ").append(route).append(System.lineSeparator());
		}
		return text.toString();
	}

}
