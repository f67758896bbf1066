using NoticeChain.Besu.GenesisTool;

return ToolCommand.Run(args, Console.Out, Console.Error);
