/**
 * Micro-batching: pictures from concurrent requests are gathered into one model call, so the backends'
 * batch kernels do the work instead of one call per request.
 */
package dev.fmnist.serve.batch;
