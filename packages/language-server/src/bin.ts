#!/usr/bin/env node
/// <reference types="node" />
// `nuance-language-server --stdio` (also `--node-ipc` and `--socket=N`, chosen by
// vscode-languageserver from the arguments).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './server.js';

const connection = createConnection(ProposedFeatures.all);
createServer(connection);
connection.listen();
