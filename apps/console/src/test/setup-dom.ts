import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// antd's responsive grid asks matchMedia; happy-dom has it. Unmount between tests.
afterEach(() => cleanup());
