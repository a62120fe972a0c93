package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class WindowingTest {
    @Test
    void startsStopWhileStartPlusLengthIsBelowN() {
        // n = 300, length 128, stride 64: 0+128, 64+128, 128+128=256 < 300; 192+128=320 is not.
        assertArrayEquals(new int[] {0, 64, 128}, Windowing.starts(300, 128, 64));
        // Stride 128: 0 and 128 (256 < 300); 256+128 is not.
        assertArrayEquals(new int[] {0, 128}, Windowing.starts(300, 128, 128));
    }

    @Test
    void theBoundIsStrict() {
        // n = 256: start 128 would need sample 256, which does not exist.
        assertArrayEquals(new int[] {0, 64}, Windowing.starts(256, 128, 64));
        // n = 129: one window, whose following sample is the last one (index 128).
        assertArrayEquals(new int[] {0}, Windowing.starts(129, 128, 64));
        assertArrayEquals(new int[0], Windowing.starts(128, 128, 64));
        assertArrayEquals(new int[0], Windowing.starts(5, 128, 64));
    }

    @Test
    void strideOneVisitsEveryStart() {
        // n = 6, length 3: starts 0, 1, 2 (2 + 3 = 5 < 6).
        assertArrayEquals(new int[] {0, 1, 2}, Windowing.starts(6, 3, 1));
    }
}
