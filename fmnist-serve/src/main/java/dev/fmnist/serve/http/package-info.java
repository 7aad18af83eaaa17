/**
 * The HTTP face of the server: reading pictures from request bodies, the JSON answers, and the JSON error
 * bodies every refusal gets ({@code {"error": ..., "detail": ...}}, never a stack trace).
 */
package dev.fmnist.serve.http;
