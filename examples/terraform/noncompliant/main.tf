# A deliberately noncompliant MCP server: everything the check exists to stop. Do not deploy.
# Expected findings include: a static access key (MCP-NHI-002), a token in the Lambda
# environment (003), a 12-hour session (005), a wildcard grant (007), trust open to any
# principal (009), an unauthenticated function URL (010), no request-time authorization (013).

locals {
  tags = {
    "mcp-nhi:server"      = "ops-mcp"
    "mcp-nhi:environment" = "prod"
  }
}

# A tool role with a 12-hour session, trust open to anyone and admin rights.
resource "aws_iam_role" "ops_tools" {
  name                 = "ops-mcp-tools"
  max_session_duration = 43200
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = merge(local.tags, { "mcp-nhi:tool" = "run_command" })
}

resource "aws_iam_role_policy" "ops_tools" {
  name = "everything"
  role = aws_iam_role.ops_tools.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

# A workload user with a long-lived access key for the "deploy" tool.
resource "aws_iam_user" "deployer" {
  name = "ops-mcp-deployer"
  tags = merge(local.tags, { "mcp-nhi:tool" = "deploy" })
}

resource "aws_iam_access_key" "deployer" {
  user = aws_iam_user.deployer.name
}

resource "aws_lambda_function" "ops" {
  function_name = "ops-mcp"
  role          = aws_iam_role.ops_tools.arn
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/ops-mcp:latest"
  environment {
    variables = {
      # A made-up token in GitHub's format, standing in for a real one.
      GITHUB_TOKEN = "ghp_EXAMPLEexampleEXAMPLEexampleEXAMPLE12"
      LOG_LEVEL    = "debug"
    }
  }
  tags = local.tags
}

resource "aws_lambda_function_url" "ops" {
  function_name      = aws_lambda_function.ops.function_name
  authorization_type = "NONE"
}
