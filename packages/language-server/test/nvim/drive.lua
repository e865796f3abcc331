-- Neovim 0.7.2 as a third-party LSP client of the built server: diagnostics, a quick fix from
-- the code-action context Neovim itself builds (get_line_diagnostics drops `source`), applied,
-- and the diagnostic gone. Writes one line per step to $NUANCE_RESULT.
local out = {}
local function log(line) table.insert(out, line) end
local function finish(code)
  vim.fn.writefile(out, os.getenv('NUANCE_RESULT'))
  vim.cmd(code == 0 and 'qa!' or 'cquit! 1')
end

local draft = os.getenv('NUANCE_DRAFT')
vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  cmd = { 'node', os.getenv('NUANCE_SERVER'), '--stdio' },
  root_dir = vim.fn.fnamemodify(draft, ':h'),
  init_options = { debounce = 0 },
})
vim.lsp.buf_attach_client(bufnr, id)

if not vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
  log('no diagnostics')
  return finish(1)
end
local d = vim.diagnostic.get(bufnr)[1]
log(string.format('diagnostic %d:%d-%d %s', d.lnum, d.col, d.end_col, d.user_data.lsp.code))

local context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum) }
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = { start = { line = d.lnum, character = 0 }, ['end'] = { line = d.lnum, character = 0 } },
  context = context,
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
local chosen
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    log('action ' .. action.title)
    if action.isPreferred and not chosen then chosen = action end
  end
end
if not chosen then return finish(1) end
vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
log('buffer ' .. vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)[1])

if not vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50) then
  log('diagnostic still there')
  return finish(1)
end
log('cleared')
vim.lsp.stop_client(id)
finish(0)
