// merkle.js and hashing.js of the citizen page against the RFC 9162 vectors the C# Core tests use
// (tests/NoticeChain.Core.Tests/Vectors/) and the receipt example of docs/receipt-format.md.
// Run: node --test tests/browser/unit/*.test.mjs

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { fromHex, leafHash, sha256, toHex } from '../../../src/NoticeChain.Api/wwwroot/assets/hashing.js';
import {
  ProofResult, ReceiptProblem, checkReceipt, rootFromInclusionProof, verifyInclusion,
} from '../../../src/NoticeChain.Api/wwwroot/assets/merkle.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const vectors = name => JSON.parse(readFileSync(`${root}tests/NoticeChain.Core.Tests/Vectors/${name}`, 'utf8'));
const ct = vectors('merkle_ct_vectors.json');
const trees = vectors('merkle_trees.json');
const salted = vectors('merkle_salted_leaves.json');

/** The receipt example of docs/receipt-format.md, read from the page itself so the two cannot drift apart. */
function receiptExample() {
  const doc = readFileSync(`${root}docs/receipt-format.md`, 'utf8');
  return JSON.parse(/## Example[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)[1]);
}

const flipFirstBit = hex => (parseInt(hex[0], 16) ^ 8).toString(16) + hex.slice(1);

test('SHA-256 of the FIPS 180-2 examples', async () => {
  for (const v of vectors('sha256.json').vectors.filter(v => v.repeat < 1000)) {
    assert.equal(toHex(await sha256(new TextEncoder().encode(v.text.repeat(v.repeat)))), v.digest, v.name);
  }
});

test('hex round trip and strict parsing', () => {
  assert.equal(toHex(fromHex('00ff10AB')), '00ff10ab');
  assert.throws(() => fromHex('abc'));
  assert.throws(() => fromHex('zz'));
  assert.throws(() => fromHex(42));
});

test('salted leaf hashes', async () => {
  for (const v of salted.vectors) {
    assert.equal(toHex(await sha256(fromHex(v.document_hex))), v.digest, v.name);
    assert.equal(toHex(await leafHash(v.salt, v.digest)), v.leaf_hash, v.name);
  }
});

test('Certificate Transparency inclusion proofs verify', async () => {
  for (const p of ct.inclusion_proofs) {
    const result = await verifyInclusion(
      fromHex(ct.leaf_hashes[p.leaf_index]), p.leaf_index, p.tree_size, p.audit_path.map(fromHex), fromHex(ct.roots[p.tree_size]));
    assert.equal(result, ProofResult.verified, `leaf ${p.leaf_index} of ${p.tree_size}`);
  }
});

test('every proof of every generated tree verifies', async () => {
  let count = 0;
  for (const tree of trees.trees) {
    for (const p of tree.proofs) {
      const leaf = fromHex(trees.leaves[p.leaf_index].leaf_hash);
      const result = await verifyInclusion(leaf, p.leaf_index, tree.size, p.audit_path.map(fromHex), fromHex(tree.root));
      assert.equal(result, ProofResult.verified, `leaf ${p.leaf_index} of ${tree.size}`);
      count++;
    }
  }
  assert.ok(count > 100, `only ${count} proofs checked`);
});

test('tampered proofs fail', async () => {
  const tree = trees.trees.find(t => t.size === 13);
  for (const p of tree.proofs) {
    const leaf = fromHex(trees.leaves[p.leaf_index].leaf_hash);
    const path = p.audit_path.map(fromHex);
    const rootHash = fromHex(tree.root);
    const label = `leaf ${p.leaf_index} of 13`;
    for (let i = 0; i < path.length; i++) {
      const tampered = path.map((h, j) => (j === i ? fromHex(flipFirstBit(toHex(h))) : h));
      assert.equal(await verifyInclusion(leaf, p.leaf_index, 13, tampered, rootHash), ProofResult.rootMismatch, `${label}, hash ${i}`);
    }
    const otherLeaf = fromHex(trees.leaves[(p.leaf_index + 1) % 13].leaf_hash);
    assert.equal(await verifyInclusion(otherLeaf, p.leaf_index, 13, path, rootHash), ProofResult.rootMismatch, `${label}, other leaf`);
    assert.equal(await verifyInclusion(leaf, p.leaf_index, 13, path, fromHex(flipFirstBit(tree.root))), ProofResult.rootMismatch, `${label}, other root`);
    assert.equal(await verifyInclusion(leaf, p.leaf_index, 13, [...path, path[0]], rootHash), ProofResult.pathTooLong, `${label}, extra hash`);
    assert.equal(await verifyInclusion(leaf, p.leaf_index, 13, path.slice(0, -1), rootHash), ProofResult.pathTooShort, `${label}, hash missing`);
    assert.equal(await verifyInclusion(leaf, 13, 13, path, rootHash), ProofResult.leafIndexOutOfRange, `${label}, index = size`);
    if (p.leaf_index > 0) {
      assert.notEqual(await verifyInclusion(leaf, p.leaf_index - 1, 13, path, rootHash), ProofResult.verified, `${label}, other index`);
    }
  }
});

test('a one-leaf tree has an empty path and its leaf is the root', async () => {
  const leaf = fromHex(ct.leaf_hashes[0]);
  const outcome = await rootFromInclusionProof(leaf, 0, 1, []);
  assert.equal(outcome.result, ProofResult.verified);
  assert.equal(toHex(outcome.root), ct.roots[1]);
  assert.equal(await verifyInclusion(leaf, 0, 0, [], leaf), ProofResult.leafIndexOutOfRange);
});

test('tree sizes beyond 32 bits are handled exactly', async () => {
  // Leaf 2^40 + 1 of 2^40 + 2 leaves: right child at the bottom, then the last node of a level; the path shape is
  // what counts here (a wrong 32-bit shift would end the walk early and report a short or long path).
  const size = 2 ** 40 + 2;
  const path = Array.from({ length: 2 }, () => new Uint8Array(32));
  const outcome = await rootFromInclusionProof(new Uint8Array(32), size - 1, size, path);
  assert.equal(outcome.result, ProofResult.verified);
  assert.equal((await rootFromInclusionProof(new Uint8Array(32), 5, size, path)).result, ProofResult.pathTooShort);
});

test('the receipt example of docs/receipt-format.md passes the browser check', async () => {
  const receipt = receiptExample();
  const digest = toHex(await sha256(new TextEncoder().encode('Bescheid AZ-2026-000123\n')));
  assert.equal(digest, receipt.digest);
  const check = await checkReceipt(receipt, digest);
  assert.deepEqual(check, {
    ok: true, problem: null, leaf: 'f14b07447e24075ab7ce5a5cdb3082e57a21ebbc2acb8f03287b8e56a3b4ec1d', proofResult: 'verified',
  });
  assert.equal((await checkReceipt(receipt, digest.toUpperCase())).ok, true);
});

test('tampered receipts fail the browser check', async () => {
  const receipt = receiptExample();
  const digest = receipt.digest;
  const cases = [
    ['salt', { salt: flipFirstBit(receipt.salt) }, ReceiptProblem.proofMismatch],
    ['root', { root: flipFirstBit(receipt.root) }, ReceiptProblem.proofMismatch],
    ['leaf index', { leafIndex: 3 }, ReceiptProblem.proofMismatch],
    ['audit path', { auditPath: [receipt.auditPath[0], flipFirstBit(receipt.auditPath[1]), receipt.auditPath[2]] }, ReceiptProblem.proofMismatch],
    ['path too short', { auditPath: receipt.auditPath.slice(0, 2) }, ReceiptProblem.proofMismatch],
    ['tree size 2', { treeSize: 2 }, ReceiptProblem.proofMismatch],
    ['digest', { digest: flipFirstBit(receipt.digest) }, ReceiptProblem.digestMismatch],
    ['version 2', { version: 2 }, ReceiptProblem.malformed],
    ['short salt', { salt: receipt.salt.slice(2) }, ReceiptProblem.malformed],
    ['index as string', { leafIndex: '2' }, ReceiptProblem.malformed],
    ['fractional size', { treeSize: 5.5 }, ReceiptProblem.malformed],
    ['path not a list', { auditPath: 'x' }, ReceiptProblem.malformed],
  ];
  for (const [name, change, problem] of cases) {
    const check = await checkReceipt({ ...receipt, ...change }, digest);
    assert.equal(check.ok, false, name);
    assert.equal(check.problem, problem, name);
  }
  assert.equal((await checkReceipt(receipt, flipFirstBit(digest))).problem, ReceiptProblem.digestMismatch, 'other document');
  assert.equal((await checkReceipt(null, digest)).problem, ReceiptProblem.malformed, 'no receipt');
});
