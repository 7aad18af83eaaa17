/**
 * fmnist's small hierarchy of unchecked exceptions. Each carries a one-line, actionable message; the
 * CLI maps them to exit code 1 (failures) or 2 (usage errors) without printing a stack trace.
 */
package dev.fmnist.api.error;
