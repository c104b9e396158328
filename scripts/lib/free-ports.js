'use strict';
/** Free TCP ports on 127.0.0.1, chosen by the OS at run time so parallel runs never collide. */
const net = require('node:net');

/** @param {number} count @returns {Promise<number[]>} distinct ports */
async function freePorts(count) {
	// Hold every server open until all ports are known, so the OS cannot hand out one twice.
	const servers = [];
	try {
		for (let i = 0; i < count; i++) {
			const server = net.createServer();
			servers.push(server);
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', () => resolve(undefined));
			});
		}
		return servers.map((server) => /** @type {net.AddressInfo} */ (server.address()).port);
	} finally {
		await Promise.all(
			servers.map((server) => new Promise((resolve) => server.close(() => resolve(undefined)))),
		);
	}
}

module.exports = { freePorts };
