/**
 * Internal to method-guard: public only because the auto-configuration creates these types
 * from another package. No compatibility promise; they may change in any release. The public
 * API is listed in the README ("Extending it").
 */
package dev.methodguard.internal;
