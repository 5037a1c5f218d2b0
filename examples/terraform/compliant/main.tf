# An MCP server for an issue tracker on AWS Lambda, written by hand the way the check wants it:
# the server runs as its own role with no stored secret, each tool has its own short-lived
# role that only the server may assume (with session tags and a source identity), secrets
# are referenced, never inlined, and every tool call is authorized by a Cedar policy.
# Attribution is by tags (mcp-nhi:server / mcp-nhi:tool); see README "Attribution".

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.25" }
  }
}

locals {
  account_id = "111122223333"
  region     = "eu-west-1"
  server     = "issues-mcp"
  boundary   = "arn:aws:iam::111122223333:policy/mcp-tool-boundary"
  table_arn  = "arn:aws:dynamodb:${local.region}:${local.account_id}:table/issues"

  ownership = {
    "mcp-nhi:owner"       = "platform-security@example.com"
    "mcp-nhi:review-by"   = "2027-06-30"
    "mcp-nhi:environment" = "prod"
  }
  server_tags = merge(local.ownership, { "mcp-nhi:server" = local.server })
}

# --- The server's own identity: assumed by Lambda, no stored secret -----------------------

resource "aws_iam_role" "server" {
  name                 = "${local.server}-server"
  max_session_duration = 3600
  permissions_boundary = local.boundary
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
    }]
  })
  tags = local.server_tags
}

# The server may assume its own tools' roles, and only with the tool's session tag.
resource "aws_iam_role_policy" "server_assumes_tools" {
  name = "assume-own-tools"
  role = aws_iam_role.server.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]
      Resource = ["arn:aws:iam::${local.account_id}:role/${local.server}-tool-*"]
      Condition = {
        StringLike = { "aws:RequestTag/mcp-tool" = ["search_issues", "create_issue"] }
      }
    }]
  })
}

# --- One role per tool, trusted by the server's role alone -----------------------------------

resource "aws_iam_role" "search_issues" {
  name                 = "${local.server}-tool-search_issues"
  max_session_duration = 3600
  permissions_boundary = local.boundary
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = aws_iam_role.server.arn }
        Action    = ["sts:AssumeRole", "sts:TagSession"]
        Condition = { StringEquals = { "aws:RequestTag/mcp-tool" = "search_issues" } }
      },
      {
        Effect    = "Allow"
        Principal = { AWS = aws_iam_role.server.arn }
        Action    = "sts:SetSourceIdentity"
        Condition = { StringLike = { "sts:SourceIdentity" = "mcp-user-*" } }
      },
    ]
  })
  inline_policy {
    name = "search-issues"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["dynamodb:Query", "dynamodb:GetItem"]
        Resource = [local.table_arn, "${local.table_arn}/index/*"]
      }]
    })
  }
  tags = merge(local.server_tags, { "mcp-nhi:tool" = "search_issues" })
}

resource "aws_iam_role" "create_issue" {
  name                 = "${local.server}-tool-create_issue"
  max_session_duration = 3600
  permissions_boundary = local.boundary
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = aws_iam_role.server.arn }
        Action    = ["sts:AssumeRole", "sts:TagSession"]
        Condition = { StringEquals = { "aws:RequestTag/mcp-tool" = "create_issue" } }
      },
      {
        Effect    = "Allow"
        Principal = { AWS = aws_iam_role.server.arn }
        Action    = "sts:SetSourceIdentity"
        Condition = { StringLike = { "sts:SourceIdentity" = "mcp-user-*" } }
      },
    ]
  })
  inline_policy {
    name = "create-issue"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem"]
        Resource = [local.table_arn]
        # Writes only for the caller's own project, from the session tag the server sets.
        Condition = {
          "ForAllValues:StringEquals" = { "dynamodb:LeadingKeys" = ["$${aws:PrincipalTag/project}"] }
        }
      }]
    })
  }
  tags = merge(local.server_tags, { "mcp-nhi:tool" = "create_issue" })
}

# --- Runtime: the Lambda function, its endpoint and its logs -----------------------------------

resource "aws_secretsmanager_secret" "tracker_token" {
  name       = "${local.server}/tracker-token"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/0b7e3c9a-1f5e-4c1e-9d2a-6f0f1a2b3c4d"
  tags       = local.server_tags
}

resource "aws_secretsmanager_secret_rotation" "tracker_token" {
  secret_id           = aws_secretsmanager_secret.tracker_token.id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate-tracker-token"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_lambda_function" "server" {
  function_name = local.server
  role          = aws_iam_role.server.arn
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/issues-mcp@sha256:9f2c4b8e1d7a6c5b3e2f1a0d9c8b7a6e5f4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b"
  environment {
    variables = {
      TRACKER_TOKEN_SECRET_ARN = aws_secretsmanager_secret.tracker_token.arn
      TOOL_ROLE_SEARCH_ISSUES  = aws_iam_role.search_issues.arn
      TOOL_ROLE_CREATE_ISSUE   = aws_iam_role.create_issue.arn
      POLICY_STORE_ID          = aws_verifiedpermissions_policy_store.tools.id
    }
  }
  tags = local.server_tags
}

resource "aws_lambda_function_url" "server" {
  function_name      = aws_lambda_function.server.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_cloudwatch_log_group" "server" {
  name              = "/aws/lambda/${local.server}"
  retention_in_days = 365
  tags              = local.server_tags
}

# --- Request-time authorization: one Cedar policy per tool -------------------------------------

resource "aws_verifiedpermissions_policy_store" "tools" {
  description = "Tool authorization for ${local.server}"
  validation_settings {
    mode = "STRICT"
  }
  tags = local.server_tags
}

resource "aws_verifiedpermissions_policy" "search_issues" {
  policy_store_id = aws_verifiedpermissions_policy_store.tools.id
  definition {
    static {
      description = "search_issues: any member of the project"
      statement   = "permit (principal, action == McpTool::Action::\"search_issues\", resource) when { principal.projects.contains(resource.project) };"
    }
  }
}

resource "aws_verifiedpermissions_policy" "create_issue" {
  policy_store_id = aws_verifiedpermissions_policy_store.tools.id
  definition {
    static {
      description = "create_issue: project maintainers only"
      statement   = "permit (principal, action == McpTool::Action::\"create_issue\", resource) when { principal.maintainerOf.contains(resource.project) && context.mfa == true };"
    }
  }
}
