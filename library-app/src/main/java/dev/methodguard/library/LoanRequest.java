package dev.methodguard.library;

/**
 * What a member asks to borrow.
 *
 * @param bookId the id of the book
 */
public record LoanRequest(long bookId) {
}
