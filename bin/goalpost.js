#!/usr/bin/env node
import { main } from '../lib/goalpost.js';

await main();
