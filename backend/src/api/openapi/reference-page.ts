import fs from "node:fs"
import path from "node:path"

/**
 * The reference page (GET /docs): swagger-ui-dist's renderer, served from the
 * installed package (no CDN), reading GET /docs/openapi.json.
 */

export const DOCS_PATH = "/docs"

const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: "${DOCS_PATH}/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  docExpansion: "list",
  defaultModelsExpandDepth: 0,
});
`

/** the files of swagger-ui-dist the page loads, and their content types */
const PACKAGE_ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
}

export const REFERENCE_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Cinema API reference</title>
  <link rel="stylesheet" href="${DOCS_PATH}/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="${DOCS_PATH}/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DOCS_PATH}/assets/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PATH}/assets/init.js"></script>
</body>
</html>
`

let packageDir: string | undefined

function swaggerUiDir(): string {
  packageDir ??= path.dirname(require.resolve("swagger-ui-dist/package.json"))
  return packageDir
}

/** An asset of the page by file name, or null for any other name. */
export function referenceAsset(file: string): { contentType: string; body: Buffer | string } | null {
  if (file === "init.js") {
    return { contentType: "text/javascript; charset=utf-8", body: INIT_SCRIPT }
  }
  const contentType = PACKAGE_ASSETS[file]
  if (!contentType) {
    return null
  }
  return { contentType, body: fs.readFileSync(path.join(swaggerUiDir(), file)) }
}
