package dev.methodguard.library;

/**
 * A book lent to a member.
 *
 * @param id the id of the loan
 * @param bookId the id of the book
 * @param member the member who borrowed it
 */
public record Loan(long id, long bookId, String member) {
}
