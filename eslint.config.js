import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // editors/vscode is a separate package for VS Code's extension host, with its own dependencies.
  { ignores: ['dist/', 'lib/', 'node_modules/', 'tests/output/', 'coverage/', 'editors/', 'src/model/schema/validators.generated.ts'] },
  js.configs.recommended,
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', performance: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Formulas and templates are never code: keep the ways to run strings as code out of the codebase.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
