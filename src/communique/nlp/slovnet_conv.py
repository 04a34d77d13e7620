"""slovnet's 1-D convolution with its windows gathered in long runs: the same matrix product, less copying.

slovnet's `Conv1d` (the CNN encoders of natasha's morphology, syntax and NER models) pads its input with
`numpy.pad`, then copies a strided view of the windows into the matrix it multiplies by its filters. That copy's
innermost loop runs over the kernel's three positions, so it costs about half as much as the product itself
(py-spy on the diplomacy bench: 2.9% of the pipeline's time in the copy, 6.5% in the product, 1.6% in the
padding). :func:`convolve` builds the same matrix, element for element (the padded input transposed once, then one
block per kernel position, each a run over the channels), and multiplies it as slovnet does (the same arrays in
the same layout, one `numpy.matmul`), so every output is the same to the bit; measured on batches of 64 sentences
of 330 channels, 6.2 -> 2.5 ms for the matrix.

It runs where the pipeline asks for it (:func:`fast_convolutions`, around its calls of natasha's models): slovnet's
own code runs everywhere else (the benchmark's bare pass of the models).
"""
from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from typing import Any

import numpy

_ON = threading.local()


def convolve(conv: Any, input: Any) -> Any:
    """What `slovnet.exec.model.Conv1d.__call__` gives for `input` (batch x channels x positions)."""
    batch, channels, length = input.shape
    filters, _, kernel = conv.weight.shape
    pad = conv.padding
    padded = numpy.zeros((batch, length + 2 * pad, channels), dtype=input.dtype)
    padded[:, pad:pad + length, :] = input.transpose(0, 2, 1)
    count = length + 2 * pad - kernel + 1
    windows = numpy.empty((batch, count, channels, kernel), dtype=input.dtype)
    for k in range(kernel):
        windows[:, :, :, k] = padded[:, k:k + count, :]
    windows = windows.reshape(batch * count, channels * kernel)
    weight = conv.weight.array.reshape(filters, channels * kernel)
    output = numpy.matmul(windows, weight.T) + conv.bias.array
    return output.reshape(batch, count, filters).swapaxes(2, 1)     # batch x filters x windows, as slovnet's


@functools.cache
def _install() -> None:
    """`Conv1d.__call__` replaced, once per process, by one that uses :func:`convolve` inside
    :func:`fast_convolutions` (in that thread) and slovnet's own code elsewhere."""
    from slovnet.exec.model import Conv1d

    own = Conv1d.__call__

    def call(self: Any, input: Any) -> Any:
        return convolve(self, input) if getattr(_ON, "depth", 0) else own(self, input)

    Conv1d.__call__ = call


@contextlib.contextmanager
def fast_convolutions() -> Iterator[None]:
    """slovnet's convolutions computed by :func:`convolve` inside the block (this thread only)."""
    _install()
    _ON.depth = getattr(_ON, "depth", 0) + 1
    try:
        yield
    finally:
        _ON.depth -= 1
