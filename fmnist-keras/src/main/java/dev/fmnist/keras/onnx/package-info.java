/** ONNX export: a small protocol-buffers encoder and the graph of an fmnist model (opset 13). */
package dev.fmnist.keras.onnx;
