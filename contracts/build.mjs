#!/usr/bin/env node
// Reproducible Solidity build for NoticeChain.
//
// Compiles every *.sol file directly inside the source folders named in contracts/compiler.json
// (or the folders given as arguments) with the pinned solc-js through its --standard-json interface,
// and writes one artefact per contract to contracts/out/<ContractName>.json:
//   { contractName, sourceName, compiler: { version, evmVersion, optimizer, bytecodeHash },
//     abi, bytecode: "0x…", deployedBytecode: "0x…", methodIdentifiers }
//
// Why it looks the way it does:
// - One recipe (contracts/compiler.json) is shared with scripts/devchain.sh and the integration tests,
//   which start Anvil with --hardfork <evmVersion>: code and chain cannot drift apart.
// - The loaded compiler must be exactly the pinned version; a different solc silently changes bytecode.
// - bytecodeHash "none": the code does not embed a hash of the metadata JSON, so comments, formatting
//   and paths do not change the deployed bytecode.
// - The evmVersion is "paris", which has no PUSH0; the build walks the bytecode opcode by opcode
//   (skipping PUSH1..PUSH32 immediates and the CBOR trailer) and fails if PUSH0 appears anyway.
// - Diagnostics are printed as `file(line,col): error SOLCnnnn: Type: message`, the canonical format
//   MSBuild's Exec task turns into build errors, followed by solc's own source excerpt.
// - The whole set is compiled on every run (about a second); artefacts are rewritten only when their
//   content changed, atomically, and artefacts of contracts that no longer exist are removed.
//
// Usage: node contracts/build.mjs [--out DIR] [--quiet] [SOURCE_DIR...]
// Exit codes: 0 success (warnings allowed), 1 compilation or bytecode check failed, 2 usage or setup error.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configPath = path.join(repoRoot, 'contracts', 'compiler.json');
const PUSH0 = 0x5f;
const PUSH1 = 0x60;
const PUSH32 = 0x7f;

class UsageError extends Error {}

function printHelp() {
  process.stdout.write(`Usage: node contracts/build.mjs [--out DIR] [--quiet] [SOURCE_DIR...]

Compiles every *.sol directly inside each SOURCE_DIR (default: "sourceDirs" of contracts/compiler.json)
with the pinned solc and settings of contracts/compiler.json, and writes contracts/out/<Name>.json.

Options:
  --out DIR   write artefacts to DIR instead of "outDir" of contracts/compiler.json
  --quiet     print diagnostics only, no summary
  -h, --help  show this help
`);
}

function parseArgs(argv) {
  const options = { outDir: undefined, sourceDirs: [], quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--out') {
      if (i + 1 >= argv.length) throw new UsageError('--out needs a directory');
      options.outDir = argv[++i];
    } else if (arg.startsWith('--out=')) options.outDir = arg.slice('--out='.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else options.sourceDirs.push(arg);
  }
  return options;
}

function loadConfig() {
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  for (const key of ['solcVersion', 'evmVersion', 'bytecodeHash', 'outDir']) {
    if (typeof config[key] !== 'string' || config[key] === '') {
      throw new UsageError(`${configPath}: "${key}" must be a non-empty string`);
    }
  }
  if (typeof config.optimizer?.enabled !== 'boolean' || !Number.isInteger(config.optimizer?.runs)) {
    throw new UsageError(`${configPath}: "optimizer" must be { "enabled": boolean, "runs": integer }`);
  }
  if (!Array.isArray(config.sourceDirs) || config.sourceDirs.length === 0) {
    throw new UsageError(`${configPath}: "sourceDirs" must be a non-empty array`);
  }
  return config;
}

function loadCompiler(pinnedVersion) {
  let solc;
  try {
    solc = require('solc');
  } catch (error) {
    throw new UsageError(`cannot load solc from node_modules (${error.code ?? error.message}); run "npm ci" in ${repoRoot}`);
  }
  const longVersion = solc.version();
  const version = longVersion.split('+')[0];
  if (version !== pinnedVersion) {
    throw new UsageError(`solc ${longVersion} is loaded but contracts/compiler.json pins ${pinnedVersion}; run "npm ci"`);
  }
  return { solc, longVersion };
}

/** Source unit names are repository-relative POSIX paths, so artefacts do not depend on the checkout location. */
function unitName(absolutePath) {
  return path.relative(repoRoot, absolutePath).split(path.sep).join('/');
}

function collectSources(sourceDirs) {
  const sources = {};
  const files = {};
  for (const dir of sourceDirs) {
    const absoluteDir = path.resolve(repoRoot, dir);
    if (!fs.existsSync(absoluteDir)) continue;
    const names = fs.readdirSync(absoluteDir, { withFileTypes: true })
      .filter(entry => entry.isFile() && entry.name.endsWith('.sol'))
      .map(entry => entry.name)
      .sort();
    for (const name of names) {
      const file = path.join(absoluteDir, name);
      const content = fs.readFileSync(file, 'utf8');
      sources[unitName(file)] = { content };
      files[unitName(file)] = file;
    }
  }
  return { sources, files };
}

/** Imports resolve inside the repository only (relative imports arrive already joined by solc). */
function makeImportResolver(files) {
  return importPath => {
    const file = path.resolve(repoRoot, importPath);
    if (file !== repoRoot && !file.startsWith(repoRoot + path.sep)) {
      return { error: `import outside the repository: ${importPath}` };
    }
    try {
      const contents = fs.readFileSync(file, 'utf8');
      files[importPath] = file;
      return { contents };
    } catch {
      return { error: `file not found: ${importPath}` };
    }
  };
}

function standardJsonInput(sources, config) {
  return {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: config.evmVersion,
      optimizer: { enabled: config.optimizer.enabled, runs: config.optimizer.runs },
      metadata: { bytecodeHash: config.bytecodeHash },
      outputSelection: {
        '*': {
          '*': [
            'abi',
            'evm.bytecode.object',
            'evm.bytecode.linkReferences',
            'evm.deployedBytecode.object',
            'evm.deployedBytecode.linkReferences',
            'evm.methodIdentifiers',
          ],
        },
      },
    },
  };
}

/** Turns a byte offset of solc's source location into a 1-based line and column. */
function lineAndColumn(content, byteOffset) {
  const before = Buffer.from(content, 'utf8').subarray(0, Math.max(0, byteOffset)).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function formatDiagnostic(diagnostic, sources, files) {
  const code = `SOLC${diagnostic.errorCode ?? '0000'}`;
  const severity = diagnostic.severity === 'error' ? 'error' : 'warning';
  const location = diagnostic.sourceLocation;
  let origin = 'contracts/build.mjs';
  if (location?.file) {
    const file = files[location.file] ?? path.resolve(repoRoot, location.file);
    const content = sources[location.file]?.content ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
    const { line, column } = lineAndColumn(content, location.start ?? 0);
    origin = `${file}(${line},${column})`;
  }
  const headline = `${origin}: ${severity} ${code}: ${diagnostic.type}: ${diagnostic.message}`;
  const excerpt = (diagnostic.formattedMessage ?? '').split('\n').slice(1).join('\n').trimEnd();
  return excerpt ? `${headline}\n${excerpt}\n` : `${headline}\n`;
}

/** Drops the CBOR metadata trailer: its last two bytes give its length, and it starts with a CBOR map. */
function stripCborTrailer(code) {
  if (code.length < 2) return code;
  const length = code.readUInt16BE(code.length - 2);
  const start = code.length - 2 - length;
  if (length === 0 || start < 0) return code;
  const first = code[start];
  return first >= 0xa1 && first <= 0xb7 ? code.subarray(0, start) : code;
}

/** Offset of the first PUSH0 at an opcode position (immediates of PUSH1..PUSH32 skipped), or -1. */
function findPush0(code) {
  for (let i = 0; i < code.length;) {
    const op = code[i];
    if (op === PUSH0) return i;
    i += op >= PUSH1 && op <= PUSH32 ? op - PUSH1 + 2 : 1;
  }
  return -1;
}

function checkNoPush0(contractName, bytecodeHex, deployedHex) {
  const problems = [];
  const deployed = Buffer.from(deployedHex, 'hex');
  const inDeployed = findPush0(stripCborTrailer(deployed));
  if (inDeployed >= 0) problems.push(`deployed bytecode has PUSH0 at offset ${inDeployed}`);
  if (deployedHex.length > 0 && bytecodeHex.endsWith(deployedHex)) {
    const initCode = Buffer.from(bytecodeHex.slice(0, bytecodeHex.length - deployedHex.length), 'hex');
    const inInit = findPush0(initCode);
    if (inInit >= 0) problems.push(`creation code has PUSH0 at offset ${inInit}`);
  }
  return problems.map(problem => `${contractName}: ${problem}; the chain's hardfork may not support it`);
}

function linkProblems(contractName, evm) {
  const references = { ...evm.bytecode?.linkReferences, ...evm.deployedBytecode?.linkReferences };
  return Object.keys(references).length === 0
    ? []
    : [`${contractName}: needs library linking (${Object.keys(references).join(', ')}), which this build does not do`];
}

function writeIfChanged(file, text) {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
  return true;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    printHelp();
    return 0;
  }
  const config = loadConfig();
  const { solc, longVersion } = loadCompiler(config.solcVersion);
  const sourceDirs = options.sourceDirs.length > 0 ? options.sourceDirs : config.sourceDirs;
  const outDir = path.resolve(repoRoot, options.outDir ?? config.outDir);
  const { sources, files } = collectSources(sourceDirs);
  if (Object.keys(sources).length === 0) {
    throw new UsageError(`no .sol files in ${sourceDirs.join(', ')}`);
  }

  const input = standardJsonInput(sources, config);
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: makeImportResolver(files) }));

  const diagnostics = (output.errors ?? []).filter(d => d.severity !== 'info');
  for (const diagnostic of diagnostics) {
    process.stderr.write(formatDiagnostic(diagnostic, sources, files));
  }
  const errorCount = diagnostics.filter(d => d.severity === 'error').length;
  if (errorCount > 0) {
    process.stderr.write(`contracts/build.mjs: compilation failed with ${errorCount} error(s)\n`);
    return 1;
  }

  const artefacts = new Map();
  const problems = [];
  for (const sourceName of Object.keys(output.contracts ?? {}).sort()) {
    for (const contractName of Object.keys(output.contracts[sourceName]).sort()) {
      const contract = output.contracts[sourceName][contractName];
      if (artefacts.has(contractName)) {
        problems.push(`${contractName} is defined in both ${artefacts.get(contractName).sourceName} and ${sourceName}; artefacts are named by contract`);
        continue;
      }
      const bytecode = contract.evm.bytecode.object;
      const deployedBytecode = contract.evm.deployedBytecode.object;
      problems.push(...linkProblems(contractName, contract.evm), ...checkNoPush0(contractName, bytecode, deployedBytecode));
      artefacts.set(contractName, {
        contractName,
        sourceName,
        compiler: {
          version: longVersion,
          evmVersion: config.evmVersion,
          optimizer: { enabled: config.optimizer.enabled, runs: config.optimizer.runs },
          bytecodeHash: config.bytecodeHash,
        },
        abi: contract.abi,
        bytecode: `0x${bytecode}`,
        deployedBytecode: `0x${deployedBytecode}`,
        methodIdentifiers: contract.evm.methodIdentifiers ?? {},
      });
    }
  }
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`contracts/build.mjs: error SOLC: ${problem}\n`);
    return 1;
  }

  fs.mkdirSync(outDir, { recursive: true });
  let written = 0;
  for (const [name, artefact] of artefacts) {
    if (writeIfChanged(path.join(outDir, `${name}.json`), `${JSON.stringify(artefact, null, 2)}\n`)) written++;
  }
  let removed = 0;
  for (const entry of fs.readdirSync(outDir)) {
    if (entry.endsWith('.json') && !artefacts.has(entry.slice(0, -'.json'.length))) {
      fs.rmSync(path.join(outDir, entry));
      removed++;
    }
  }
  if (!options.quiet) {
    const optimizer = config.optimizer.enabled ? `optimizer ${config.optimizer.runs} runs` : 'optimizer off';
    process.stdout.write(
      `solc ${config.solcVersion} (evm ${config.evmVersion}, ${optimizer}): ${Object.keys(sources).length} source(s), ` +
      `${artefacts.size} contract(s) -> ${unitName(outDir)} (${written} updated, ${removed} removed)\n`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`contracts/build.mjs: error SOLC: ${error.message}\n`);
  process.exitCode = 2;
}
