import { spawn } from 'node:child_process';
import { n8nRuntime, pathWithRuntimeNode } from './paths';

export interface CliResult {
	stdout: string;
	stderr: string;
}

/**
 * Runs one n8n CLI command (import:*, update:*, publish:*, …) against an instance's user folder,
 * with the node binary of the n8n under test. Each call boots n8n (~2 s), so callers batch work
 * into as few calls as possible. Runners are off on 1.x: a CLI process with runners on would try
 * to bind the server's broker port. 2.x ignores that setting, so callers also pass a broker port
 * of its own.
 */
export async function runN8nCli(
	args: string[],
	env: NodeJS.ProcessEnv,
	expectOutput?: RegExp,
): Promise<CliResult> {
	const { nodeBin, n8nBin } = n8nRuntime();
	const child = spawn(nodeBin, [n8nBin, ...args], {
		env: { ...env, PATH: pathWithRuntimeNode(env), N8N_RUNNERS_ENABLED: 'false' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	// Some commands (update:workflow) log an error and still exit 0, so look at the output too.
	if (code !== 0 || /\bGOT ERROR\b|^Error[: ]/m.test(stdout + stderr)) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${code}):\n${stdout}\n${stderr}`.trim());
	}
	// A command can also exit 0 having done nothing (e.g. with NODE_ENV=test); insist on its success line.
	if (expectOutput && !expectOutput.test(stdout + stderr)) {
		throw new Error(
			`n8n ${args.join(' ')} did not report ${expectOutput}:\n${stdout}\n${stderr}`.trim(),
		);
	}
	return { stdout, stderr };
}
