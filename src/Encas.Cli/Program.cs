using Encas.Cli;

return await CliRunner.RunAsync(EncasCommands.CreateRoot(), args);
