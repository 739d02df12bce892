import { describe, expect, it } from 'vitest';
import { createNodeCodeKey, sealToNode } from './code-seal.js';

describe('security-code sealing to the holding node', () => {
  it('opens on the node it was sealed to, in the same context only', () => {
    const node = createNodeCodeKey();
    const sealed = sealToNode(node.publicKey, Buffer.from('7'), 'session-1:0');
    expect(node.open(sealed, 'session-1:0').toString()).toBe('7');
    expect(() => node.open(sealed, 'session-1:1')).toThrow();
    expect(() => node.open(sealed, 'session-2:0')).toThrow();
  });

  it('cannot be opened by another node, nor after the node restarts (a new key)', () => {
    const node = createNodeCodeKey();
    const sealed = sealToNode(node.publicKey, Buffer.from('1234'), 'session-1:0');
    expect(() => createNodeCodeKey().open(sealed, 'session-1:0')).toThrow();
  });

  it('seals the same digit differently every time', () => {
    const node = createNodeCodeKey();
    expect(sealToNode(node.publicKey, Buffer.from('5'), 'c').equals(sealToNode(node.publicKey, Buffer.from('5'), 'c'))).toBe(false);
  });
});
