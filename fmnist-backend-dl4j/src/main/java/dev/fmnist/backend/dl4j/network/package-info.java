/**
 * The mapping between the API's model description and DL4J: the network configuration, the parameter
 * layout (DL4J's column-major kernels versus the portable row-major ones) and array copies to and from
 * ND4J's native memory.
 */
package dev.fmnist.backend.dl4j.network;
