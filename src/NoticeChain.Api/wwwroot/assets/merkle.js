// RFC 9162 inclusion proofs (section 2.1.3.2) and the browser's own check of a receipt (docs/receipt-format.md,
// "Verifying by hand", steps 1 to 4). Mirrors src/NoticeChain.Core/Merkle/InclusionProof.cs; step numbers refer to
// the RFC. Indexes are BigInt, so tree sizes up to 2^53 - 1 (the receipt's limit) are exact.

import { fromHex, isHash64, leafHash, sha256, toHex } from './hashing.js';

/** Results of verifyInclusion, the same names as Core's InclusionProofResult. */
export const ProofResult = Object.freeze({
  verified: 'verified',
  leafIndexOutOfRange: 'leaf-index-out-of-range',
  pathTooLong: 'path-too-long',
  pathTooShort: 'path-too-short',
  rootMismatch: 'root-mismatch',
});

/** SHA-256(0x01 || left || right), an RFC 9162 interior node. */
async function hashChildren(left, right) {
  const node = new Uint8Array(65);
  node[0] = 0x01;
  node.set(left, 1);
  node.set(right, 33);
  return sha256(node);
}

/**
 * The root the audit path leads to from leaf (32 bytes) at leafIndex in a tree of treeSize leaves.
 * Returns { result: 'verified', root } or { result: <failure> } for a malformed proof.
 */
export async function rootFromInclusionProof(leaf, leafIndex, treeSize, auditPath) {
  const index = BigInt(leafIndex);
  const size = BigInt(treeSize);
  // Step 1: a leaf index at or beyond the tree size fails.
  if (index < 0n || index >= size) return { result: ProofResult.leafIndexOutOfRange };
  // Step 2: fn = leaf_index, sn = tree_size - 1. Step 3: r = hash.
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  // Step 4: for each p in inclusion_path.
  for (const p of auditPath) {
    // Step 4a: reached the root with elements left over.
    if (sn === 0n) return { result: ProofResult.pathTooLong };
    if (fn % 2n === 1n || fn === sn) {
      // Step 4b.i: p is the left sibling, r = HASH(0x01 || p || r).
      r = await hashChildren(p, r);
      // Step 4b.ii: skip the levels where this node has no sibling and is passed up unchanged.
      while (fn % 2n === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      // Step 4b, otherwise: r = HASH(0x01 || r || p).
      r = await hashChildren(r, p);
    }
    // Step 4c: up one level.
    fn >>= 1n;
    sn >>= 1n;
  }
  // Step 5: the path must end at the root.
  if (sn !== 0n) return { result: ProofResult.pathTooShort };
  return { result: ProofResult.verified, root: r };
}

/** Checks that the audit path leads from leaf to root (all hashes as 32-byte Uint8Arrays). */
export async function verifyInclusion(leaf, leafIndex, treeSize, auditPath, root) {
  const outcome = await rootFromInclusionProof(leaf, leafIndex, treeSize, auditPath);
  if (outcome.result !== ProofResult.verified) return outcome.result;
  return toHex(outcome.root) === toHex(root) ? ProofResult.verified : ProofResult.rootMismatch;
}

/** Why checkReceipt failed, or null. */
export const ReceiptProblem = Object.freeze({
  malformed: 'malformed',
  digestMismatch: 'digest-mismatch',
  proofMismatch: 'proof-mismatch',
});

function isSafeCount(value, min) {
  return Number.isSafeInteger(value) && value >= min;
}

/**
 * The browser's own check of a receipt against the digest it computed itself (steps 1 to 4 of "Verifying by
 * hand"): the receipt's digest is this document's, and its leaf leads along the audit path to the receipt's root.
 * Whether the chain anchored that root is the verify API's part (steps 5 to 8).
 * Returns { ok, problem, leaf (hex, when computed), proofResult }.
 */
export async function checkReceipt(receipt, digestHex) {
  if (
    receipt === null || typeof receipt !== 'object' || receipt.version !== 1 ||
    !isHash64(receipt.digest) || !isHash64(receipt.salt) || !isHash64(receipt.root) ||
    !isSafeCount(receipt.treeSize, 1) || !isSafeCount(receipt.leafIndex, 0) ||
    !Array.isArray(receipt.auditPath) || receipt.auditPath.length > 53 || !receipt.auditPath.every(isHash64)
  ) {
    return { ok: false, problem: ReceiptProblem.malformed, leaf: null, proofResult: null };
  }
  // Step 1: the receipt belongs to this document.
  if (!isHash64(digestHex) || receipt.digest.toLowerCase() !== digestHex.toLowerCase()) {
    return { ok: false, problem: ReceiptProblem.digestMismatch, leaf: null, proofResult: null };
  }
  // Step 2: the leaf. Steps 3 and 4: the audit path leads to the root.
  const leaf = await leafHash(receipt.salt, receipt.digest);
  const proofResult = await verifyInclusion(
    leaf, receipt.leafIndex, receipt.treeSize, receipt.auditPath.map(fromHex), fromHex(receipt.root));
  const ok = proofResult === ProofResult.verified;
  return { ok, problem: ok ? null : ReceiptProblem.proofMismatch, leaf: toHex(leaf), proofResult };
}
